import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export type LabWorkerProcess = { child: ChildProcess; output: string[]; exit: Promise<number | null>; kill(): Promise<void> };

export type LabWorkerEnv = { databaseUrl: string; configFile: string; caFile: string; leaseMs: number; intervalMs: number; region?: string };

/**
 * Tests: the real worker entry point against the lab. `node --import tsx` so the spawned pid IS the
 * worker (a SIGKILL hits it, not a wrapper); NODE_EXTRA_CA_CERTS so it trusts the lab's https ARM.
 */
export function spawnLabWorker(env: LabWorkerEnv): LabWorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/jobs/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      LIFEBOAT_CONFIG: env.configFile,
      NODE_EXTRA_CA_CERTS: env.caFile,
      LIFEBOAT_REGION: env.region ?? 'canadaeast',
      LIFEBOAT_WORKER_HEARTBEAT_MS: String(env.intervalMs),
      LIFEBOAT_WORKER_ELECTION_MS: String(env.intervalMs),
      LIFEBOAT_RUNBOOK_LEASE_MS: String(env.leaseMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(...chunk.toString().trimEnd().split('\n'));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output,
    exit,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exit;
    },
  };
}
