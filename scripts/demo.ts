// `npm run demo`: the local lab plus Lifeboat (embedded PostgreSQL, OIDC sign-in, two workers, the web app).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { labDown } from '@/lab/cli/lab-down';
import { labUp } from '@/lab/cli/lab-up';
import { DEMO_USERS, DEMO_PASSWORD } from '@/lab/oidc/demo-users';
import { dataDir } from '@/lib/db/database-url';
import { applyMigrations } from '@/lib/db/migrations/apply-migrations';
import { labStateDir } from '@/lab/lab-paths';
import { buildIfStale } from './build-if-stale';
import { loadDemoSecrets } from '@/lab/demo-secrets';
import { getConfig } from '@/lib/config/get-config';
import { connectDb } from '@/lib/db/client';
import { takeOverdueBackups } from '@/lib/replication/take-overdue-backups';

const log = (line: string) => console.log(`[demo] ${line}`);
const children: ChildProcess[] = [];

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).map((line) => `[${name}] ${line}\n`).join('');
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${signal ?? code}); stopping the demo`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

let database: ChildProcess | undefined;

/** DATABASE_URL when given; otherwise the embedded PostgreSQL, started in a process group of its own. */
async function startDatabase(): Promise<string> {
  const given = process.env.DATABASE_URL?.trim();
  if (given) return given;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/embedded-database-main.ts'], { env: process.env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[database] ${chunk.toString()}`));
  database = child;
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /READY (\S+)/.exec(out);
      if (ready?.[1]) resolve(ready[1]);
    });
    child.once('exit', (code) => reject(new Error(`the embedded PostgreSQL did not start (exit ${code})`)));
  });
}

async function stopDatabase(): Promise<void> {
  const child = database;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

let stopping = false;
let labStartedHere = false;

async function stop(code: number): Promise<never> {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)));
  await stopDatabase();
  if (labStartedHere) await labDown().catch((error: unknown) => log(`lab down failed: ${String(error)}`));
  process.exit(code);
}

async function main(): Promise<void> {
  const dir = dataDir();
  const port = Number(process.env.LIFEBOAT_PORT ?? 3000);
  const baseUrl = process.env.LIFEBOAT_BASE_URL ?? `http://localhost:${port}`;
  const secrets = loadDemoSecrets(dir);

  buildIfStale(log);
  const databaseUrl = await startDatabase();
  const applied = await applyMigrations(databaseUrl);
  log(`database ready${applied.length ? ` (applied ${applied.join(', ')})` : ''}`);

  log('starting the lab (npm run lab -- up)…');
  const lab = await labUp();
  labStartedHere = lab.startedHere;
  log(lab.startedHere ? `lab up in ${lab.seconds.toFixed(1)} s` : 'lab already running');
  // A failover needs verified backups within the RPO: a fresh or restarted demo takes them now, not at the next schedule.
  const db = connectDb(databaseUrl);
  try {
    for (const line of await takeOverdueBackups(db, getConfig(), 'demo start-up')) log(`backups at start-up: ${line}`);
  } finally {
    await db.$disconnect();
  }
  const tls = { certPath: path.join(labStateDir(), 'tls', 'cert.pem') };
  const labInbox = `http://127.0.0.1:${process.env.LIFEBOAT_LAB_INBOX_PORT ?? 8099}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_EXTRA_CA_CERTS: tls.certPath,
    LIFEBOAT_BASE_URL: baseUrl,
    LIFEBOAT_SESSION_SECRET: secrets.sessionSecret,
    LIFEBOAT_OIDC_CLIENT_SECRET: secrets.oidcClientSecret,
    NEXT_TELEMETRY_DISABLED: '1',
    // The lab's notification targets (config/lab.yaml) deliver to the lab's inbox.
    LIFEBOAT_LAB_TEAMS_WEBHOOK_URL: `${labInbox}/teams`,
    LIFEBOAT_LAB_WEBHOOK_URL: `${labInbox}/webhook`,
    LIFEBOAT_LAB_PAGERDUTY_ROUTING_KEY: 'lab-routing-key',
  };
  const tsx = path.join('node_modules', '.bin', 'tsx');
  // One worker per region, as in production: one leads, the other stands by.
  for (const region of ['canadacentral', 'canadaeast']) start(`worker ${region}`, tsx, ['lib/jobs/main.ts'], { ...env, LIFEBOAT_REGION: region });
  start('web', process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)], { ...env, PORT: String(port) });
  await waitForHealth(`http://localhost:${port}/api/health`, 60_000);

  console.log(`
  Lifeboat is running at ${baseUrl}
  Sign in as any demo user with the password "${DEMO_PASSWORD}":
${DEMO_USERS.map((user) => `    ${user.id.padEnd(10)} ${user.name.padEnd(16)} ${user.roles.join(', ')}`).join('\n')}
  The sign-in page is served over https with a certificate made on this machine (${path.relative(process.cwd(), tls.certPath)}),
  because MSAL refuses plain-http authorities: the browser asks once to accept it.
  Data lives in ${path.relative(process.cwd(), dir) || '.'}/ ; Ctrl+C stops everything.
`);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
main().catch(async (error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
});
