import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSecureAction } from '@/lib/actions/run-secure-action';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { dryRunChangeDefinition } from './dry-run-change-definition';
import { approvedRequest, approver, executedRequest, finishRun, ok, operator, pendingRequest, viewer } from './run-test-fixtures';

describe('runbook.dry-run', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  const dryRun = (actor: typeof operator, id: string) => runSecureAction(dryRunChangeDefinition(), actor, { id }, t.db);
  const runsOf = (requestId: string) => t.db.runbookRun.findMany({ where: { requestId }, include: { steps: true } });
  const events = (actorId: string) => t.db.auditEvent.findMany({ where: { action: 'runbook.dry-run', actorId }, orderBy: { seq: 'asc' } });

  it('refuses a Viewer and an Approver: no run, each audited as denied', async () => {
    const { id } = await pendingRequest(t.db);
    for (const actor of [viewer, approver(1)]) {
      expect(await dryRun(actor, id)).toMatchObject({ ok: false, error: 'forbidden' });
      expect((await events(actor.userId)).map((event) => event.outcome)).toEqual(['denied']);
    }
    expect(await runsOf(id)).toEqual([]);
  });

  it('creates a running dry run of the request plan, every step pending, audited on the new run', async () => {
    const { id, planDigest } = await pendingRequest(t.db);
    const { runId } = ok(await dryRun(operator, id));
    const [run] = await runsOf(id);
    expect(run).toMatchObject({ id: runId, dryRun: true, state: 'running', planDigest, kind: 'failover', executorId: null });
    const request = await t.db.changeRequest.findUniqueOrThrow({ where: { id } });
    expect(run!.steps.map((step) => step.stepId).sort()).toEqual((request.plan as { steps: { id: string }[] }).steps.map((step) => step.id).sort());
    expect(run!.steps.every((step) => step.state === 'pending')).toBe(true);
    const event = (await events('operator')).at(-1);
    expect(event).toMatchObject({ outcome: 'success', targetType: 'runbook-run', targetId: runId });
    expect(event?.payload).toMatchObject({ requestId: id, runId, planDigest });
  });

  it('allows one dry run at a time: of two concurrent clicks one starts it; another may start once it ended', async () => {
    const { id } = await approvedRequest(t.db);
    const results = await Promise.all([dryRun(operator, id), dryRun(operator, id)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, error: 'failed', code: 'dry-run-running', message: expect.stringMatching(/already running/) });
    const [run] = await runsOf(id);
    expect(await runsOf(id)).toHaveLength(1);
    await finishRun(t.db, run!.id);
    ok(await dryRun(operator, id));
    expect(await runsOf(id)).toHaveLength(2);
  });

  it('refuses a request that is executing or done, and a draft: nothing created, the failure audited', async () => {
    const executing = await executedRequest(t.db, { done: false });
    expect(await dryRun(operator, executing.id)).toMatchObject({ ok: false, code: 'not-open', message: expect.stringContaining('executing') });
    const done = await executedRequest(t.db, { done: true });
    expect(await dryRun(operator, done.id)).toMatchObject({ ok: false, code: 'not-open', message: expect.stringContaining('done') });
    expect((await runsOf(done.id)).map((run) => run.dryRun)).toEqual([false]);
    const failure = (await events('operator')).at(-1);
    expect(failure).toMatchObject({ outcome: 'failure', targetType: 'change-request', targetId: done.id });
  });

  it('refuses a malformed id and an unknown request', async () => {
    expect(await dryRun(operator, 'nope')).toMatchObject({ ok: false, error: 'invalid' });
    expect(await dryRun(operator, '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, code: 'not-found' });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
