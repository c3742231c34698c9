import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createLeaderLock } from '../leader-lock';
import { listWorkers } from './list-workers';
import { markLeader } from './mark-leader';
import { markLostLeadership } from './mark-lost-leadership';
import { markWorkerStopped } from './mark-worker-stopped';
import { recordHeartbeat } from './record-heartbeat';
import { registerWorker } from './register-worker';
import { requestLeaderStepDown } from './request-leader-step-down';
import { sweepStaleWorkers } from './sweep-stale-workers';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('lifeboat_workers');
});
afterAll(async () => test?.drop());
beforeEach(async () => {
  await test.db.leaderChange.deleteMany();
  await test.db.workerNode.deleteMany();
});

const register = (id: string, region: string) =>
  registerWorker(test.db, { id, region, hostname: 'host', pid: 1, version: '0.1.0' });

async function silence(id: string, seconds: number): Promise<void> {
  await test.db.$executeRaw`UPDATE "WorkerNode" SET "heartbeatAt" = now() - make_interval(secs => ${seconds}) WHERE "id" = ${id}`;
}

describe('worker repository verbs', () => {
  it('election clears a crashed leader’s flag and records who was elected', async () => {
    await register('a', 'canadacentral');
    await register('b', 'canadaeast');
    await markLeader(test.db, { id: 'a', region: 'canadacentral' });
    await markLeader(test.db, { id: 'b', region: 'canadaeast' });

    const fleet = await listWorkers(test.db);
    expect(fleet.workers.map((w) => [w.id, w.isLeader])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    expect(fleet.leaderChanges.map((c) => [c.workerId, c.reason])).toEqual([
      ['b', 'elected'],
      ['a', 'elected'],
    ]);
  });

  it('step-down requests apply only to the running leader, once', async () => {
    await register('a', 'canadacentral');
    await register('b', 'canadaeast');
    await markLeader(test.db, { id: 'a', region: 'canadacentral' });

    expect(await requestLeaderStepDown(test.db, 'b')).toBe(false);
    expect(await requestLeaderStepDown(test.db, 'missing')).toBe(false);
    expect(await requestLeaderStepDown(test.db, 'a')).toBe(true);
    expect(await requestLeaderStepDown(test.db, 'a')).toBe(false);
    expect(await recordHeartbeat(test.db, 'a')).toEqual({ found: true, stepDownRequested: true });
    expect(await recordHeartbeat(test.db, 'b')).toEqual({ found: true, stepDownRequested: false });

    await markLostLeadership(test.db, { id: 'a', region: 'canadacentral' }, 'stepped-down');
    const [a] = (await listWorkers(test.db)).workers;
    expect(a).toMatchObject({ id: 'a', isLeader: false, leaderSince: null, stepDownRequestedAt: null });
    expect((await listWorkers(test.db)).leaderChanges[0]).toMatchObject({ workerId: 'a', reason: 'stepped-down' });
  });

  it('a stopped worker is no leader and takes no step-down request', async () => {
    await register('a', 'canadacentral');
    await markLeader(test.db, { id: 'a', region: 'canadacentral' });
    await markWorkerStopped(test.db, 'a');
    expect(await requestLeaderStepDown(test.db, 'a')).toBe(false);
    const [a] = (await listWorkers(test.db)).workers;
    expect(a?.isLeader).toBe(false);
    expect(a?.stoppedAt).toBeInstanceOf(Date);
  });

  it('the sweep stops only workers silent past the threshold, never the sweeper', async () => {
    await register('leader', 'canadacentral');
    await register('fresh', 'canadaeast');
    await register('stale', 'canadaeast');
    await silence('leader', 120);
    await silence('fresh', 10);
    await silence('stale', 45);
    await markLeader(test.db, { id: 'stale', region: 'canadaeast' });

    const swept = await sweepStaleWorkers(test.db, { staleAfterSeconds: 30, exceptWorkerId: 'leader' });
    expect(swept).toEqual([{ id: 'stale', region: 'canadaeast' }]);
    const byId = new Map((await listWorkers(test.db)).workers.map((w) => [w.id, w]));
    expect(byId.get('stale')).toMatchObject({ isLeader: false });
    expect(byId.get('stale')?.stoppedAt).toBeInstanceOf(Date);
    expect(byId.get('fresh')?.stoppedAt).toBeNull();
    expect(byId.get('leader')?.stoppedAt).toBeNull();
    expect(await sweepStaleWorkers(test.db, { staleAfterSeconds: 30, exceptWorkerId: 'leader' })).toEqual([]);
  });

  it('a heartbeat revives a worker wrongly swept, and reports unknown workers', async () => {
    await register('a', 'canadacentral');
    await silence('a', 60);
    await sweepStaleWorkers(test.db, { staleAfterSeconds: 30, exceptWorkerId: 'other' });
    expect(await recordHeartbeat(test.db, 'a')).toEqual({ found: true, stepDownRequested: false });
    const fleet = await listWorkers(test.db);
    expect(fleet.workers[0]?.stoppedAt).toBeNull();
    expect(fleet.now.getTime() - (fleet.workers[0]?.heartbeatAt.getTime() ?? 0)).toBeLessThan(5_000);
    expect(await recordHeartbeat(test.db, 'nobody')).toEqual({ found: false, stepDownRequested: false });
  });

  it('lists running workers and those stopped recently, not long-gone ones', async () => {
    await register('running', 'canadacentral');
    await register('recent', 'canadaeast');
    await register('old', 'canadaeast');
    await markWorkerStopped(test.db, 'recent');
    await test.db.workerNode.update({ where: { id: 'old' }, data: { stoppedAt: new Date(Date.now() - 3 * 86_400_000) } });
    expect((await listWorkers(test.db)).workers.map((w) => w.id)).toEqual(['running', 'recent']);
  });
});

describe('leader lock', () => {
  it('is held by one connection at a time and frees when released or closed', async () => {
    const lost: string[] = [];
    const first = createLeaderLock(test.url, { name: 'lock-test first', onLost: () => lost.push('first') });
    const second = createLeaderLock(test.url, { name: 'lock-test second', onLost: () => lost.push('second') });
    try {
      expect(await first.tryAcquire()).toBe(true);
      expect(await second.tryAcquire()).toBe(false);
      expect(await first.check()).toBe(true);
      await first.release();
      expect(first.isHeld()).toBe(false);
      expect(await second.tryAcquire()).toBe(true);
      await second.close();
      expect(await first.tryAcquire()).toBe(true);
      expect(lost).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('reports the loss at once when its connection is killed, and can compete again after', async () => {
    const lost: string[] = [];
    const lock = createLeaderLock(test.url, { name: 'lock-test killed', onLost: (cause) => lost.push(cause.message) });
    try {
      expect(await lock.tryAcquire()).toBe(true);
      await test.db.$queryRaw`SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE application_name = 'lock-test killed'`;
      await expect.poll(() => lost.length, { timeout: 10_000 }).toBe(1);
      expect(lock.isHeld()).toBe(false);
      expect(await lock.check()).toBe(false);
      expect(await lock.tryAcquire()).toBe(true);
    } finally {
      await lock.close();
    }
  });
});
