// npm run bench:audit -- [events=5000] [concurrency=8]: how fast the hash-chained audit log appends and verifies.
import fs from 'node:fs';
import path from 'node:path';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { appendAuditEvent } from '@/lib/db/audit/append-audit-event';
import { resolveDatabaseUrl, stopEmbeddedDatabase } from '@/lib/db/database-url';
import { createTestDatabase } from '@/lib/db/testing/test-database';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 5000);
  const concurrency = Number(process.argv[3] ?? 8);
  process.env.LIFEBOAT_TEST_SERVER_URL ??= (await resolveDatabaseUrl()).replace(/\/lifeboat$/, '/postgres');
  const target = await createTestDatabase('lifeboat_bench');
  try {
    const actor = { id: 'bench', name: 'Bench', roles: ['Admin'] };
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < events) {
          const i = next++;
          const t = performance.now();
          await target.db.$transaction((tx) => appendAuditEvent(tx, { actor, action: 'bench.event', target: { type: 'n', id: String(i) }, outcome: 'success', payload: { i } }));
          latencies.push(performance.now() - t);
        }
      }),
    );
    const appendSeconds = (performance.now() - started) / 1000;
    const verifyStart = performance.now();
    const verdict = await verifyAuditChain(target.db);
    const verifySeconds = (performance.now() - verifyStart) / 1000;
    latencies.sort((a, b) => a - b);
    const result = {
      at: new Date().toISOString(),
      events,
      concurrency,
      appendPerSecond: Math.round(events / appendSeconds),
      appendP50Ms: Number(percentile(latencies, 50).toFixed(2)),
      appendP95Ms: Number(percentile(latencies, 95).toFixed(2)),
      verifyPerSecond: Math.round(events / verifySeconds),
      chainIntact: verdict.ok,
    };
    console.log(`audit chain: ${events} events, ${concurrency} writers`);
    console.log(`  append  ${result.appendPerSecond} events/s  (p50 ${result.appendP50Ms} ms, p95 ${result.appendP95Ms} ms per event)`);
    console.log(`  verify  ${result.verifyPerSecond} events/s  (chain ${verdict.ok ? 'intact' : 'BROKEN'})`);
    fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join('bench', 'results', 'audit-chain.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await target.drop();
    await stopEmbeddedDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
