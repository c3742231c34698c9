// npm run bench:status -- [viewers=100] [seconds=30] [baseUrl=http://localhost:3000]: against a running
// `npm run demo`, N concurrent viewers poll /api/status (If-None-Match, like the board) back to back.
// It runs 1 viewer first, then N, and shows that the probes (ProbeSample rows per cycle) do not grow with viewers.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { sealSession, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie';
import { dataDir, resolveDatabaseUrl } from '@/lib/db/database-url';

type Phase = {
  viewers: number;
  seconds: number;
  requests: number;
  notModified: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  probeCycles: number;
  probeSamples: number;
  probeSamplesPerCycle: number;
  probeSamplesPerMinute: number;
  databaseTransactionsPerSecond: number;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

async function viewerCookie(): Promise<string> {
  const secrets = z.object({ sessionSecret: z.string().min(32) }).parse(JSON.parse(fs.readFileSync(path.join(dataDir(), 'secrets.json'), 'utf8')));
  const now = Math.floor(Date.now() / 1000);
  const sealed = await sealSession({ userId: 'viewer', name: 'Vera Viewer', email: 'viewer@lifeboat.test', roles: ['Viewer'], authTime: now, expiresAt: now + 3600 }, secrets.sessionSecret);
  return `${SESSION_COOKIE_NAME}=${sealed}`;
}

/** Probe rows and cycles written since `since`, and the database's committed transactions so far. */
async function databaseCounters(client: pg.Client, since: Date): Promise<{ samples: number; cycles: number; commits: number }> {
  const probes = await client.query<{ samples: string; cycles: string }>('SELECT count(*) AS samples, count(DISTINCT "cycleId") AS cycles FROM "ProbeSample" WHERE "at" >= $1', [since]);
  const stats = await client.query<{ commits: string }>('SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()');
  return { samples: Number(probes.rows[0]?.samples ?? 0), cycles: Number(probes.rows[0]?.cycles ?? 0), commits: Number(stats.rows[0]?.commits ?? 0) };
}

async function runPhase(baseUrl: string, cookie: string, client: pg.Client, viewers: number, seconds: number): Promise<Phase> {
  const started = new Date();
  const before = await databaseCounters(client, started);
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let notModified = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: viewers }, async () => {
      let etag: string | null = null;
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          const response: Response = await fetch(`${baseUrl}/api/status?window=24h`, { headers: { cookie, ...(etag ? { 'if-none-match': etag } : {}) } });
          await response.arrayBuffer();
          latencies.push(performance.now() - t);
          if (response.status === 304) notModified++;
          else if (response.ok) etag = response.headers.get('etag');
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (Date.now() - started.getTime()) / 1000;
  const after = await databaseCounters(client, started);
  latencies.sort((a, b) => a - b);
  return {
    viewers,
    seconds: round(elapsed),
    requests: latencies.length,
    notModified,
    errors,
    requestsPerSecond: round(latencies.length / elapsed),
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    probeCycles: after.cycles,
    probeSamples: after.samples,
    probeSamplesPerCycle: after.cycles ? round(after.samples / after.cycles) : 0,
    probeSamplesPerMinute: round((after.samples / elapsed) * 60),
    databaseTransactionsPerSecond: round((after.commits - before.commits) / elapsed),
  };
}

function print(phase: Phase): void {
  console.log(
    `${String(phase.viewers).padStart(4)} viewer(s): ${phase.requests} requests (${phase.notModified} × 304, ${phase.errors} errors) in ${phase.seconds} s = ${phase.requestsPerSecond} req/s, ` +
      `p50 ${phase.p50Ms} ms, p99 ${phase.p99Ms} ms; probes: ${phase.probeSamples} samples in ${phase.probeCycles} cycles (${phase.probeSamplesPerCycle}/cycle, ${phase.probeSamplesPerMinute}/min); database ${phase.databaseTransactionsPerSecond} transactions/s`,
  );
}

async function main(): Promise<void> {
  const viewers = Number(process.argv[2] ?? 100);
  const seconds = Number(process.argv[3] ?? 30);
  const baseUrl = (process.argv[4] ?? process.env.LIFEBOAT_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  const cookie = await viewerCookie();
  const probe = await fetch(`${baseUrl}/api/status`, { headers: { cookie } });
  if (!probe.ok) throw new Error(`${baseUrl}/api/status answered ${probe.status}: is \`npm run demo\` running with this LIFEBOAT_DATA_DIR (${dataDir()})?`);
  // The demo's own database: DATABASE_URL, or its embedded PostgreSQL, which answers when the demo runs.
  const client = new pg.Client({ connectionString: await resolveDatabaseUrl() });
  await client.connect();
  try {
    console.log(`status viewers against ${baseUrl}: 1 viewer, then ${viewers}, ${seconds} s each, polling back to back`);
    const one = await runPhase(baseUrl, cookie, client, 1, seconds);
    print(one);
    const many = await runPhase(baseUrl, cookie, client, viewers, seconds);
    print(many);
    const growth = one.probeSamplesPerMinute ? round(many.probeSamplesPerMinute / one.probeSamplesPerMinute, 2) : null;
    console.log(`probe samples per minute with ${viewers} viewers / with 1: ${growth ?? 'n/a (no probes ran: is a worker leading?)'}`);
    const result = { at: new Date().toISOString(), baseUrl, phases: [one, many], probeGrowth: growth };
    fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join('bench', 'results', 'status-viewers.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
