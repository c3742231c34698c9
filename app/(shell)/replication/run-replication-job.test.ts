import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSecureAction } from '@/lib/actions/run-secure-action';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { replicationQueueOf } from '@/lib/jobs/replication-queues';
import { MANUAL_REPLICATION_JOBS, requestReplicationRun, type ReplicationJobData } from '@/lib/jobs/request-replication-run';
import { runReplicationJobDefinition } from './run-replication-job-definition';

const viewer = { userId: 'viewer', name: 'Vera Viewer', roles: ['Viewer' as const] };
const operator = { userId: 'operator', name: 'Omar Operator', roles: ['Operator' as const] };
const approver = { userId: 'approver1', name: 'Alice Approver', roles: ['Approver' as const] };

describe('replication.run-now', () => {
  let t: TestDatabase;
  let boss: PgBoss;
  let definition: ReturnType<typeof runReplicationJobDefinition>;

  beforeAll(async () => {
    t = await createTestDatabase();
    // The worker's side: pg-boss's schema and the exclusive replication queues on this database.
    boss = new PgBoss({ connectionString: t.url, supervise: false, schedule: false });
    boss.on('error', () => undefined);
    await boss.start();
    for (const job of MANUAL_REPLICATION_JOBS) await boss.createQueue(replicationQueueOf(job), { policy: 'exclusive' });
    definition = runReplicationJobDefinition((tx, job, requestedBy) => requestReplicationRun(tx, job, requestedBy, async () => boss));
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false });
    await t?.drop();
  });

  const events = (actorId: string) => t.db.auditEvent.findMany({ where: { action: 'replication.run-now', actorId }, orderBy: { seq: 'asc' } });
  const queued = async (job: string) => (await boss.findJobs<ReplicationJobData>(replicationQueueOf(job as (typeof MANUAL_REPLICATION_JOBS)[number]))).filter((j) => j.state === 'created');

  it('refuses a Viewer and an Approver: nothing queued, each audited as denied', async () => {
    for (const actor of [viewer, approver]) {
      const result = await runSecureAction(definition, actor, { job: 'qdrant-snapshot' }, t.db);
      expect(result).toMatchObject({ ok: false, error: 'forbidden', message: 'This needs the Operator or Admin role.' });
      expect((await events(actor.userId)).map((event) => event.outcome)).toEqual(['denied']);
    }
    expect(await queued('qdrant-snapshot')).toEqual([]);
  });

  it('queues the run for an Operator and audits it with the request id, in one transaction', async () => {
    const result = await runSecureAction(definition, operator, { job: 'qdrant-snapshot' }, t.db);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.message).toContain('Queued a qdrant-snapshot run');
    const jobs = await queued('qdrant-snapshot');
    expect(jobs.map((job) => job.id)).toEqual([result.data.requestId]);
    expect(jobs[0]?.data).toEqual({ trigger: 'manual', requestedBy: 'Omar Operator' });
    const [event] = await events('operator');
    expect(event).toMatchObject({ outcome: 'success', actorName: 'Omar Operator', targetType: 'replication-job', targetId: 'qdrant-snapshot' });
    expect(event?.payload).toMatchObject({ input: { job: 'qdrant-snapshot' }, requestId: result.data.requestId });
  });

  it('refuses a second run of a job that is already queued, and audits why', async () => {
    const result = await runSecureAction(definition, operator, { job: 'qdrant-snapshot' }, t.db);
    expect(result).toMatchObject({ ok: false, error: 'failed' });
    if (result.ok) return;
    expect(result.message).toMatch(/already queued or running/);
    expect(await queued('qdrant-snapshot')).toHaveLength(1);
    expect((await events('operator')).map((event) => event.outcome)).toEqual(['success', 'failure']);
    // Another job is not held up by it.
    expect(await runSecureAction(definition, operator, { job: 'redis-backup' }, t.db)).toMatchObject({ ok: true });
  });

  it('refuses a job that is not a replication job, writing nothing', async () => {
    const before = await t.db.auditEvent.count();
    const result = await runSecureAction(definition, operator, { job: 'drop-everything' }, t.db);
    expect(result).toMatchObject({ ok: false, error: 'invalid' });
    expect(await t.db.auditEvent.count()).toBe(before);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
