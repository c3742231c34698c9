import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSecureAction } from '@/lib/actions/run-secure-action';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { abortRunDefinition } from './abort-run-definition';
import { dryRunChangeDefinition } from './dry-run-change-definition';
import { approver, executedRequest, finishRun, ok, operator, pendingRequest, viewer } from './run-test-fixtures';

describe('runbook.abort', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  const abort = (actor: typeof operator, runId: string) => runSecureAction(abortRunDefinition(), actor, { runId }, t.db);
  const runningDryRun = async () => ok(await runSecureAction(dryRunChangeDefinition(), operator, { id: (await pendingRequest(t.db)).id }, t.db)).runId;
  const readRun = (id: string) => t.db.runbookRun.findUniqueOrThrow({ where: { id } });
  const events = (runId: string) => t.db.auditEvent.findMany({ where: { action: 'runbook.abort', targetId: runId }, orderBy: { seq: 'asc' } });

  it('refuses a Viewer and an Approver: the run keeps running, each audited as denied', async () => {
    const runId = await runningDryRun();
    for (const actor of [viewer, approver(1)]) expect(await abort(actor, runId)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await readRun(runId)).toMatchObject({ state: 'running', abortRequestedAt: null });
    const denied = await t.db.auditEvent.findMany({ where: { action: 'runbook.abort', outcome: 'denied' } });
    expect(denied.map((event) => event.actorId).sort()).toEqual(['approver1', 'viewer']);
  });

  it('marks the abort on the real run for an Operator and audits it with the request, in one transaction', async () => {
    const { id, runId } = await executedRequest(t.db, { done: false });
    const result = await abort(operator, runId);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('Abort requested') });
    const run = await readRun(runId);
    expect(run).toMatchObject({ state: 'running', abortRequestedBy: 'Omar Operator' });
    expect(run.abortRequestedAt).toBeInstanceOf(Date);
    const [event] = await events(runId);
    expect(event).toMatchObject({ outcome: 'success', actorId: 'operator', targetType: 'runbook-run', targetId: runId });
    expect(event?.payload).toMatchObject({ input: { runId }, requestId: id, dryRun: false });
  });

  it('refuses a second abort, naming who asked first', async () => {
    const runId = await runningDryRun();
    ok(await abort(operator, runId));
    expect(await abort({ ...operator, userId: 'operator2', name: 'Otto Operator' }, runId)).toMatchObject({ ok: false, code: 'already-aborting', message: expect.stringContaining('Omar Operator') });
    expect((await readRun(runId)).abortRequestedBy).toBe('Omar Operator');
    expect((await events(runId)).map((event) => event.outcome)).toEqual(['success', 'failure']);
  });

  it('refuses a finished run, an unknown run and a malformed id', async () => {
    const runId = await runningDryRun();
    await finishRun(t.db, runId);
    expect(await abort(operator, runId)).toMatchObject({ ok: false, error: 'failed', code: 'not-running', message: expect.stringContaining('succeeded') });
    expect((await readRun(runId)).abortRequestedAt).toBeNull();
    expect(await abort(operator, '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, code: 'not-found' });
    expect(await abort(operator, 'x')).toMatchObject({ ok: false, error: 'invalid' });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
