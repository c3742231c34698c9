import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { listWorkers } from '@/lib/db/workers/list-workers';
import { requestLeaderStepDown } from '@/lib/db/workers/request-leader-step-down';
import type { WorkerNodeView } from '@/lib/domain/control-plane-health';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Short by default to keep the suite quick; set LIFEBOAT_TEST_WORKER_INTERVAL_MS=5000 to measure the defaults.
const INTERVAL_MS = Number(process.env.LIFEBOAT_TEST_WORKER_INTERVAL_MS ?? 250);
const TAKEOVER_BOUND_MS = 30_000;

type WorkerProcess = { region: string; child: ChildProcess; output: string[]; exit: Promise<number | null> };

const running: WorkerProcess[] = [];
const databases: TestDatabase[] = [];

/**
 * Runs the real entry point. `node --import tsx` rather than `npx tsx` so the spawned pid IS the
 * worker: a SIGKILL then kills the worker itself, not a wrapper that would leave it running.
 */
function spawnWorker(databaseUrl: string, region: string): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/jobs/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LIFEBOAT_CONFIG: 'config/lab.yaml',
      LIFEBOAT_REGION: region,
      LIFEBOAT_WORKER_HEARTBEAT_MS: String(INTERVAL_MS),
      LIFEBOAT_WORKER_ELECTION_MS: String(INTERVAL_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(...chunk.toString().trimEnd().split('\n')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(...chunk.toString().trimEnd().split('\n')));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const worker = { region, child, output, exit };
  running.push(worker);
  return worker;
}

function kill(worker: WorkerProcess): void {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
}

async function killAll(): Promise<void> {
  const workers = running.splice(0);
  workers.forEach(kill);
  await Promise.all(workers.map((worker) => worker.exit));
}

function outputOf(workers: WorkerProcess[]): string {
  return workers.map((worker) => `--- ${worker.region}\n${worker.output.join('\n')}`).join('\n');
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}\n${outputOf(running)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function liveWorkers(db: Db): Promise<WorkerNodeView[]> {
  return (await listWorkers(db)).workers.filter((worker) => worker.stoppedAt === null);
}

/** Both workers registered and exactly one of them leading; checked again over several election rounds. */
async function soleLeader(db: Db, workers: WorkerProcess[]): Promise<{ leader: WorkerNodeView; follower: WorkerNodeView }> {
  const found = await waitFor('exactly one of two workers leads', 60_000, async () => {
    const live = await liveWorkers(db);
    const leaders = live.filter((worker) => worker.isLeader);
    if (live.length !== workers.length || leaders.length !== 1) return undefined;
    return leaders[0];
  });
  for (let round = 0; round < 4; round++) {
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    const leaders = (await liveWorkers(db)).filter((worker) => worker.isLeader);
    expect(leaders.map((worker) => worker.id)).toEqual([found.id]);
  }
  const follower = (await liveWorkers(db)).find((worker) => worker.id !== found.id);
  if (!follower) throw new Error('no follower registered');
  return { leader: found, follower };
}

async function startPair(): Promise<{ test: TestDatabase; workers: WorkerProcess[] }> {
  const test = await createTestDatabase('lifeboat_jobs');
  databases.push(test);
  return { test, workers: [spawnWorker(test.url, 'canadacentral'), spawnWorker(test.url, 'canadaeast')] };
}

const processOf = (workers: WorkerProcess[], node: WorkerNodeView) => {
  const found = workers.find((worker) => worker.region === node.region);
  if (!found) throw new Error(`no process for ${node.region}`);
  return found;
};

describe('worker leader election (two worker processes, real PostgreSQL)', () => {
  afterEach(killAll);
  afterAll(async () => {
    await killAll();
    await Promise.all(databases.splice(0).map((test) => test.drop()));
  });

  it('hands leadership to the surviving worker within 30 s of the leader being killed', { timeout: 120_000 }, async () => {
    const { test, workers } = await startPair();
    const { leader, follower } = await soleLeader(test.db, workers);

    const killedAt = Date.now();
    processOf(workers, leader).child.kill('SIGKILL');
    await waitFor('the follower leads', TAKEOVER_BOUND_MS + 5_000, async () =>
      (await liveWorkers(test.db)).find((worker) => worker.id === follower.id && worker.isLeader),
    );
    const takeoverMs = Date.now() - killedAt;
    console.log(`leader ${leader.region} SIGKILLed; ${follower.region} took over in ${(takeoverMs / 1000).toFixed(2)} s`);
    expect(takeoverMs).toBeLessThan(TAKEOVER_BOUND_MS);

    const fleet = await listWorkers(test.db);
    const elections = fleet.leaderChanges.filter((change) => change.reason === 'elected');
    expect(elections.filter((change) => change.workerId === follower.id)).toHaveLength(1);
    expect(elections.filter((change) => change.workerId === leader.id)).toHaveLength(1);
    // The killed leader could not record anything; its stale flag is cleared by the election.
    expect(fleet.workers.find((worker) => worker.id === leader.id)?.isLeader).toBe(false);
  });

  it('steps down when an Admin asks, and the other worker takes over', { timeout: 120_000 }, async () => {
    const { test, workers } = await startPair();
    const { leader, follower } = await soleLeader(test.db, workers);

    expect(await requestLeaderStepDown(test.db, follower.id)).toBe(false);
    expect(await requestLeaderStepDown(test.db, leader.id)).toBe(true);
    expect(await requestLeaderStepDown(test.db, leader.id)).toBe(false);

    await waitFor('the follower leads after the step-down', 30_000, async () =>
      (await liveWorkers(test.db)).find((worker) => worker.id === follower.id && worker.isLeader),
    );
    const { leader: newLeader } = await soleLeader(test.db, workers);
    expect(newLeader.id).toBe(follower.id);

    const fleet = await listWorkers(test.db);
    const oldLeader = fleet.workers.find((worker) => worker.id === leader.id);
    if (!oldLeader) throw new Error('the old leader row is gone');
    expect(oldLeader).toMatchObject({ isLeader: false, stepDownRequestedAt: null, stoppedAt: null });
    const changes = [...fleet.leaderChanges].reverse().map((change) => [change.workerId, change.reason]);
    expect(changes).toEqual([
      [leader.id, 'elected'],
      [leader.id, 'stepped-down'],
      [follower.id, 'elected'],
    ]);
    // Still running and heartbeating as a follower.
    expect(processOf(workers, leader).child.exitCode).toBeNull();
    await waitFor('the old leader heartbeats after stepping down', 10_000, async () => {
      const row = (await liveWorkers(test.db)).find((worker) => worker.id === leader.id);
      return row && row.heartbeatAt > oldLeader.heartbeatAt ? row : undefined;
    });
  });

  it('on SIGTERM releases leadership, marks itself stopped and exits cleanly', { timeout: 120_000 }, async () => {
    const { test, workers } = await startPair();
    const { leader, follower } = await soleLeader(test.db, workers);

    const leaderProcess = processOf(workers, leader);
    leaderProcess.child.kill('SIGTERM');
    const code = await leaderProcess.exit;
    expect(code, outputOf([leaderProcess])).toBe(0);

    const fleet = await listWorkers(test.db);
    const stopped = fleet.workers.find((worker) => worker.id === leader.id);
    expect(stopped?.stoppedAt).toBeInstanceOf(Date);
    expect(stopped?.isLeader).toBe(false);
    expect(fleet.leaderChanges.some((change) => change.workerId === leader.id && change.reason === 'shutdown')).toBe(true);
    expect(leaderProcess.output.join('\n')).toMatch(/released leadership for shutdown[\s\S]*stopped/);

    await waitFor('the follower leads after the graceful stop', 30_000, async () =>
      (await liveWorkers(test.db)).find((worker) => worker.id === follower.id && worker.isLeader),
    );
  });

  it('knows at once when its lock connection dies, records lost-connection, and a leader is elected again', { timeout: 120_000 }, async () => {
    const { test, workers } = await startPair();
    const { leader } = await soleLeader(test.db, workers);

    const terminated = await test.db.$queryRaw<{ ok: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
      WHERE application_name = ${`lifeboat-leader-lock ${leader.id}`}`;
    expect(terminated).toEqual([{ ok: true }]);

    await waitFor('the old leader records lost-connection', 30_000, async () =>
      (await listWorkers(test.db)).leaderChanges.find(
        (change) => change.workerId === leader.id && change.reason === 'lost-connection',
      ),
    );
    expect(processOf(workers, leader).output.join('\n')).toMatch(/lost leadership \(lost-connection\)/);
    const { leader: next } = await soleLeader(test.db, workers);
    const latestElection = (await listWorkers(test.db)).leaderChanges.find((change) => change.reason === 'elected');
    expect(latestElection?.workerId).toBe(next.id);
  });
});
