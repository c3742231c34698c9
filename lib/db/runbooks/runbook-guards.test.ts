import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createRunbookRun } from './create-runbook-run';
import { claimRunbookLease } from './claim-runbook-lease';
import { closeRunbookRun } from './close-runbook-run';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('lifeboat_runbook_guards');
});
afterAll(async () => test?.drop());

const plan = { kind: 'failover' as const, fromRegion: 'a', toRegion: 'b', steps: [{ id: 'scale', action: 'scale-node-pool' as const, title: 't', target: 't', params: {}, dependsOn: [], optional: false, estimateMinutes: 1 }] };

describe('runbook tables guard themselves', () => {
  it('a finished step or run is final, only the lease holder closes a run, and values outside the states are refused', async () => {
    const runId = await createRunbookRun(test.db, { requestId: null, plan, planDigest: 'd', dryRun: false });
    await test.db.runbookStep.updateMany({ where: { runId }, data: { state: 'running', attempt: 1 } });
    await test.db.runbookStep.updateMany({ where: { runId }, data: { state: 'succeeded' } });
    await expect(test.db.runbookStep.updateMany({ where: { runId }, data: { state: 'running', attempt: 2 } })).rejects.toThrow(/final/);
    await expect(test.db.runbookStep.updateMany({ where: { runId }, data: { state: 'exploded' } })).rejects.toThrow(/bad state/);
    await expect(test.db.runbookStep.create({ data: { runId, stepId: 'x', action: 'a', state: 'pending', idempotencyKey: 'forged' } })).rejects.toThrow(/idempotency key/);

    const close = (executorId: string, state: 'succeeded' | 'failed') => closeRunbookRun(test.db, { id: runId, executorId, settle: 'skipped', orphans: [] }, () => ({ state, error: null }), new Date());
    expect(await claimRunbookLease(test.db, runId, 'worker-a', 60_000)).toBe(true);
    expect(await claimRunbookLease(test.db, runId, 'worker-b', 60_000)).toBe(false);
    expect(await close('worker-b', 'failed')).toBeNull(); // not the lease holder
    expect(await close('worker-a', 'succeeded')).toEqual({ outcome: { state: 'succeeded', error: null }, notStarted: [] });
    expect(await close('worker-a', 'failed')).toBeNull(); // already closed
    await expect(test.db.runbookRun.update({ where: { id: runId }, data: { state: 'running' } })).rejects.toThrow(/final/);
  });
});
