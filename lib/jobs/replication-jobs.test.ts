import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@/lab/shared/find-free-port';
import { getConfig } from '@/lib/config/get-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import { startReplicationRun } from '@/lib/db/replication/start-replication-run';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { ExpectedFailure } from '@/lib/domain/errors';
import { declareReplicationJobs, REPLICATION_JOBS, workReplicationJobs } from './replication-jobs';
import { replicationQueueOf } from './replication-queues';
import { MANUAL_REPLICATION_JOBS, requestReplicationRun } from './request-replication-run';

let test: TestDatabase;
let boss: PgBoss;
let sender: PgBoss;
let config: LifeboatConfig;

beforeAll(async () => {
  test = await createTestDatabase('lifeboat_replication_jobs');
  const lab = getConfig();
  // Blob on a port where nothing listens: the retention run fails fast, with its reason.
  config = { ...lab, components: { ...lab.components, blob: { ...lab.components.blob, primaryUrl: `http://127.0.0.1:${await findFreePort()}/devstoreaccount1` } } };
  boss = new PgBoss({ connectionString: test.url, max: 2 });
  boss.on('error', () => undefined);
  await boss.start();
  await declareReplicationJobs(boss, config);
  // Like the app's send-only instance: no schema work of its own.
  sender = new PgBoss({ connectionString: test.url, max: 1, supervise: false, schedule: false, migrate: false, createSchema: false });
  await sender.start();
});

afterAll(async () => {
  await sender?.stop({ graceful: false });
  await boss?.stop({ graceful: false });
  await test?.drop();
});

describe('replication jobs in the worker', () => {
  it('declares one exclusive queue per job that can be run on request, with the configured schedules', async () => {
    expect(REPLICATION_JOBS.map((job) => job.job).sort()).toEqual([...MANUAL_REPLICATION_JOBS].sort());
    for (const job of REPLICATION_JOBS) {
      expect((await boss.getQueue(replicationQueueOf(job.job)))?.policy).toBe('exclusive');
      expect((await boss.getSchedules(replicationQueueOf(job.job))).map((schedule) => schedule.cron)).toEqual([job.cron(config)].filter(Boolean));
    }
  });

  it('queues a request inside the caller transaction: a rollback queues nothing, a second request waits its turn', async () => {
    const request = () => test.db.$transaction((tx) => requestReplicationRun(tx, 'retention', 'ops@lab', async () => sender));
    await expect(
      test.db.$transaction(async (tx) => {
        await requestReplicationRun(tx, 'retention', 'ops@lab', async () => sender);
        throw new Error('the audit write failed');
      }),
    ).rejects.toThrow('the audit write failed');
    const first = await request();
    expect(first.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const second = request();
    await expect(second).rejects.toBeInstanceOf(ExpectedFailure);
    await expect(second).rejects.toThrow('A retention run is already queued or running');
  });

  it('the leader runs the request as a manual run by its requester, after failing the run a dead worker left running', async () => {
    const orphan = await startReplicationRun(test.db, { job: 'retention', target: 'blob', region: 'primary', trigger: 'schedule' });
    const lines: string[] = [];
    const work = await workReplicationJobs(boss, { db: test.db, config, isLeader: () => true, log: (line) => lines.push(line) });
    try {
      await expect.poll(() => test.db.replicationRun.count({ where: { job: 'retention', state: { not: 'running' } } }), { timeout: 30_000 }).toBe(2);
    } finally {
      for (const { queue, id } of work) await boss.offWork(queue, { id });
    }
    const runs = await test.db.replicationRun.findMany({ where: { job: 'retention' }, orderBy: { id: 'asc' } });
    expect(runs[0]).toMatchObject({ id: BigInt(orphan.id), state: 'failed', error: 'interrupted: the worker running it stopped before it finished' });
    expect(runs[1]).toMatchObject({ trigger: 'manual', requestedBy: 'ops@lab', state: 'failed' });
    expect(runs[1]?.error).toMatch(/^retention: .*ECONNREFUSED/);
    expect(lines).toContain('replication.retention: marked 1 interrupted run(s) failed');
    // Once it ran, the queue takes a new request.
    await expect(test.db.$transaction((tx) => requestReplicationRun(tx, 'retention', 'ops@lab', async () => sender))).resolves.toHaveProperty('requestId');
  });
});
