import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { ExpectedFailure } from '@/lib/domain/errors';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { runSecureAction, type SecureActionDefinition } from './run-secure-action';

// A real change to a real table: register a worker row, the way an admin action would touch state.
const AddWorkerInput = z.object({ id: z.string().min(3), region: z.enum(['canadacentral', 'canadaeast']) });
const addWorker: SecureActionDefinition<typeof AddWorkerInput, string> = {
  action: 'test.add-worker',
  roles: ['Admin'],
  input: AddWorkerInput,
  target: (input) => ({ type: 'worker', id: input.id }),
  run: async ({ input, tx }) => {
    if (input.id === 'taken') throw new ExpectedFailure('that id is taken');
    await tx.workerNode.create({ data: { id: input.id, region: input.region, hostname: 'h', pid: 1, version: 't' } });
    return { data: input.id };
  },
};

const admin = { userId: 'admin', name: 'Adam Admin', roles: ['Admin' as const] };
const viewer = { userId: 'viewer', name: 'Vera Viewer', roles: ['Viewer' as const] };

describe('runSecureAction', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  it('refuses without a session: nothing written, no audit event', async () => {
    const result = await runSecureAction(addWorker, null, { id: 'w-anon', region: 'canadaeast' }, t.db);
    expect(result).toMatchObject({ ok: false, error: 'unauthenticated' });
    expect(await t.db.workerNode.count({ where: { id: 'w-anon' } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: 'test.add-worker' } })).toBe(0);
  });

  it('refuses the wrong role: nothing written, and the only event says it was denied', async () => {
    const result = await runSecureAction(addWorker, viewer, { id: 'w-viewer', region: 'canadaeast' }, t.db);
    expect(result).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await t.db.workerNode.count({ where: { id: 'w-viewer' } })).toBe(0);
    const events = await t.db.auditEvent.findMany({ where: { action: 'test.add-worker', actorId: 'viewer' } });
    expect(events.map((e) => e.outcome)).toEqual(['denied']);
  });

  it('refuses invalid input with field errors, writing nothing', async () => {
    const result = await runSecureAction(addWorker, admin, { id: 'x', region: 'mars' }, t.db);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe('invalid');
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['id', 'region']);
    expect(await t.db.auditEvent.count({ where: { actorId: 'admin' } })).toBe(0);
  });

  it('commits the change and its audit event together', async () => {
    const result = await runSecureAction(addWorker, admin, { id: 'w-ok', region: 'canadacentral' }, t.db);
    expect(result).toEqual({ ok: true, data: 'w-ok', message: undefined });
    expect(await t.db.workerNode.count({ where: { id: 'w-ok' } })).toBe(1);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'test.add-worker', outcome: 'success' } });
    expect(event).toMatchObject({ actorId: 'admin', targetType: 'worker', targetId: 'w-ok' });
  });

  it('records why an expected failure happened, and rolls back a change whose action throws a bug', async () => {
    const result = await runSecureAction(addWorker, admin, { id: 'taken', region: 'canadacentral' }, t.db);
    expect(result).toMatchObject({ ok: false, error: 'failed', message: 'that id is taken' });
    const failure = await t.db.auditEvent.findFirstOrThrow({ where: { outcome: 'failure' } });
    expect(failure.payload).toMatchObject({ reason: 'that id is taken' });
    await expect(
      runSecureAction({ ...addWorker, run: async ({ tx }) => { await tx.workerNode.create({ data: { id: 'w-bug', region: 'r', hostname: 'h', pid: 1, version: 't' } }); throw new Error('bug'); } }, admin, { id: 'w-bug', region: 'canadacentral' }, t.db),
    ).rejects.toThrow('bug');
    expect(await t.db.workerNode.count({ where: { id: 'w-bug' } })).toBe(0);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
