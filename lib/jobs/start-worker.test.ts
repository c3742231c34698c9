import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { listWorkers } from '@/lib/db/workers/list-workers';
import { registerWorker } from '@/lib/db/workers/register-worker';
import { CONTROL_PLANE_SWEEP_CRON, CONTROL_PLANE_SWEEP_QUEUE, sweepControlPlane } from './control-plane-sweep';
import { NotLeaderError } from './not-leader-error';
import { startWorker, type RunningWorker } from './start-worker';

let test: TestDatabase;
const started: RunningWorker[] = [];
const lines: string[] = [];

beforeAll(async () => {
  test = await createTestDatabase('lifeboat_worker');
});
afterAll(async () => {
  await Promise.all(started.map((worker) => worker.stop()));
  await test?.drop();
});

async function registerSilentWorker(id: string, silentSeconds: number): Promise<void> {
  await registerWorker(test.db, { id, region: 'canadaeast', hostname: 'gone', pid: 1, version: '0.0.0' });
  await test.db.$executeRaw`UPDATE "WorkerNode" SET "heartbeatAt" = now() - make_interval(secs => ${silentSeconds}) WHERE "id" = ${id}`;
}

const stoppedAtOf = async (id: string) => (await listWorkers(test.db)).workers.find((w) => w.id === id)?.stoppedAt ?? null;

describe('the control-plane sweep', () => {
  it('refuses to act on a worker that does not lead', async () => {
    await registerSilentWorker('silent-1', 60);
    const sweep = sweepControlPlane({ db: test.db, workerId: 'me', isLeader: () => false, log: () => undefined });
    await expect(sweep).rejects.toBeInstanceOf(NotLeaderError);
    expect(await stoppedAtOf('silent-1')).toBeNull();
  });
});

describe('startWorker (in process)', () => {
  it('leads alone, runs the sweep queue as leader, schedules it every minute, and stops cleanly', { timeout: 60_000 }, async () => {
    const worker = await startWorker({
      databaseUrl: test.url,
      region: 'canadacentral',
      heartbeatMs: 200,
      electionMs: 200,
      log: (line) => lines.push(line),
    });
    started.push(worker);
    await expect.poll(() => worker.isLeader(), { timeout: 20_000 }).toBe(true);

    const boss = new PgBoss({ connectionString: test.url, max: 2 });
    await boss.start();
    try {
      const schedules = await boss.getSchedules(CONTROL_PLANE_SWEEP_QUEUE);
      expect(schedules.map((schedule) => schedule.cron)).toEqual([CONTROL_PLANE_SWEEP_CRON]);

      await registerSilentWorker('silent-2', 45);
      await boss.send(CONTROL_PLANE_SWEEP_QUEUE, {});
      await expect.poll(() => stoppedAtOf('silent-2'), { timeout: 20_000 }).toBeInstanceOf(Date);
      expect(await stoppedAtOf(worker.id)).toBeNull();
    } finally {
      await boss.stop({ graceful: false });
    }

    await worker.stop();
    expect(worker.isLeader()).toBe(false);
    const fleet = await listWorkers(test.db);
    expect(fleet.workers.find((w) => w.id === worker.id)).toMatchObject({ isLeader: false });
    expect(await stoppedAtOf(worker.id)).toBeInstanceOf(Date);
    expect(fleet.leaderChanges.map((c) => [c.workerId, c.reason])).toEqual([
      [worker.id, 'shutdown'],
      [worker.id, 'elected'],
    ]);
    expect(lines.join('\n')).toMatch(/marked worker silent-2 \(canadaeast\) stopped/);
  });
});
