// CI: render /api/metrics' text from a fresh test database holding a few probe samples, then `promtool check metrics`.
import { spawnSync } from 'node:child_process';
import { resolveDatabaseUrl, stopEmbeddedDatabase } from '@/lib/db/database-url';
import { recordProbeSamples } from '@/lib/db/probes/record-probe-samples';
import { createTestDatabase } from '@/lib/db/testing/test-database';
import type { ProbeResult } from '@/lib/domain/probe-results';
import { renderMetrics } from '@/lib/status/render-metrics';

function samples(at: Date): ProbeResult[] {
  const ago = (seconds: number) => new Date(at.getTime() - seconds * 1000).toISOString();
  return [
    { component: 'qdrant', region: 'primary', target: '-', at, ok: true, latencyMs: 4, error: null, metrics: { ready: true, collections: [{ name: 'documents', points: 3000 }], newestSnapshot: { name: 's1', createdAt: ago(600) } } },
    { component: 'qdrant', region: 'secondary', target: '-', at, ok: false, latencyMs: null, error: 'connect ECONNREFUSED 127.0.0.1:6343', metrics: null },
    { component: 'redis', region: 'primary', target: '-', at, ok: true, latencyMs: 2, error: null, metrics: { pingMs: 0.4, usedMemoryBytes: 1_048_576, keys: 500, newestBackupAt: ago(1200) } },
    { component: 'blob', region: 'global', target: 'devstoreaccount1', at, ok: true, latencyMs: 9, error: null, metrics: { geoStatus: 'live', lastSyncTime: ago(12), lagSeconds: 12 } },
    { component: 'app', region: 'primary', target: '-', at, ok: true, latencyMs: 3, error: null, metrics: { status: 'ok', httpStatus: 200 } },
  ];
}

async function main(): Promise<void> {
  process.env.LIFEBOAT_TEST_SERVER_URL ??= (await resolveDatabaseUrl()).replace(/\/lifeboat$/, '/postgres');
  const target = await createTestDatabase('lifeboat_metrics');
  let text: string;
  try {
    const now = new Date();
    await recordProbeSamples(target.db, 'check-1', samples(new Date(now.getTime() - 15_000)));
    await recordProbeSamples(target.db, 'check-2', samples(now));
    text = (await renderMetrics(target.db, now)).text;
  } finally {
    await target.drop();
    await stopEmbeddedDatabase();
  }
  const check = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (check.error) throw check.error;
  process.stdout.write(check.stdout);
  process.stderr.write(check.stderr);
  const series = text.split('\n').filter((line) => line && !line.startsWith('#')).length;
  if (check.status !== 0) {
    console.error(`promtool check metrics failed (exit ${check.status}) on:\n${text}`);
    process.exit(1);
  }
  console.log(`metrics: ${series} series, promtool check metrics passed`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
