import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveTestRequest } from '@/lib/approvals/testing/approve-test-request';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { readRunbookRun } from '@/lib/db/runbooks/read-runbook-run';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { applyFault } from '@/lab/supervisor/apply-fault';
import { executeRunbookWork } from './execute-runbook-work';
import { labOptions, servingRegion } from './steps/lab-step-fixtures';
import { createStepRegistry } from './steps/create-step-registry';
import { corruptSnapshotBlob } from './testing/corrupt-snapshot-blob';
import { prepareLabBackups } from './testing/prepare-lab-backups';
import { readLabRoute } from './testing/read-lab-route';
import { withStepHook } from './testing/with-step-hook';

// One lab for the chain: a refused failover leaves the route on the primary, the retried one moves
// it to the secondary, and the failback whose gate fails must leave it there.
let lab: ProbeLab;
let database: TestDatabase;

beforeAll(async () => {
  [lab, database] = await Promise.all([startProbeLab(), createTestDatabase('lifeboat_runbook_faults')]);
  await prepareLabBackups(database.db, lab);
}, 180_000);

afterAll(async () => {
  await lab?.stop();
  await database?.drop();
});

const registry = () => createStepRegistry(database.db, lab.config, labOptions(lab));
const stepStates = async (runId: string | null) => Object.fromEntries(((await readRunbookRun(database.db, runId ?? ''))?.steps ?? []).map((step) => [step.stepId, step.state]));
const stepOf = async (runId: string | null, stepId: string) => (await readRunbookRun(database.db, runId ?? ''))?.steps.find((step) => step.stepId === stepId);

describe('failover and failback runbooks under faults, against the lab', () => {
  it('the secondary Qdrant refuses the restore: the run fails naming the restore and why, the route is never switched', async () => {
    const fd = lab.config.components.frontDoor;
    const collection = lab.config.components.qdrant.primary.collections[0] ?? 'documents';
    const before = await readLabRoute(lab);
    expect(before.originGroup).toBe(fd.originGroups.primary);
    const damage = await corruptSnapshotBlob(lab.config, collection, lab.config.regions.primary.name);
    try {
      const request = await approveTestRequest(database.db, lab.config, 'failover', 'primary Qdrant lost');
      const outcome = await executeRunbookWork(database.db, { requestId: request.id, runId: null }, registry());

      expect(outcome.result?.state).toBe('failed');
      const error = outcome.result && 'error' in outcome.result ? outcome.result.error : null;
      expect(error).toMatch(new RegExp(`^step restore-qdrant:${collection} failed: attempt 1: secondary Qdrant: recover from snapshot: .*400.*Snapshot checksum mismatch`));
      expect(outcome.requestState).toBe('failed');
      expect((await readChangeRequest(database.db, request.id))?.state).toBe('failed');
      expect(await stepStates(outcome.runId)).toMatchObject({ 'check-target': 'succeeded', [`restore-qdrant:${collection}`]: 'failed', 'switch-front-door': 'skipped', validate: 'skipped' });
      expect(await readLabRoute(lab)).toEqual({ originGroup: fd.originGroups.primary, writes: before.writes });
      expect(await servingRegion(lab)).toBe('200 canadacentral');
    } finally {
      await damage.repair();
    }
  }, 240_000);

  it('ARM answers the route switch 429, then 500: the step retries, succeeds on attempt 3 and writes the route once', async () => {
    const fd = lab.config.components.frontDoor;
    await applyFault(lab.lab, { name: 'region-down', args: ['primary'] });
    const faults: (429 | 500)[] = [429, 500];
    const seenBeforeRetry: (string | null)[] = [];
    // Armed inside the step, so only the switch's own calls meet them; between attempts the engine's re-check runs clean.
    const hooked = withStepHook(registry(), 'switch-route', async (ctx) => {
      if (ctx.attempt > 1) seenBeforeRetry.push((await stepOf(ctx.runId, ctx.step.id))?.error ?? null);
      const fault = faults[ctx.attempt - 1];
      if (fault) lab.lab.arm.failNextCalls(1, fault);
    });
    const before = await readLabRoute(lab);
    const request = await approveTestRequest(database.db, lab.config, 'failover', 'primary region down');
    const outcome = await executeRunbookWork(database.db, { requestId: request.id, runId: null }, hooked);

    expect(outcome.result).toMatchObject({ state: 'succeeded', error: null });
    expect(outcome.requestState).toBe('done');
    const switched = await stepOf(outcome.runId, 'switch-front-door');
    expect(switched).toMatchObject({ state: 'succeeded', attempt: 3, error: null, output: { before: fd.originGroups.primary, after: fd.originGroups.secondary, written: true } });
    // What the engine recorded on the step while each retry waited.
    expect(seenBeforeRetry).toEqual([expect.stringMatching(/^attempt 1: The request is being throttled/), expect.stringMatching(/^attempt 2: Encountered internal server error/)]);
    expect(await readLabRoute(lab)).toEqual({ originGroup: fd.originGroups.secondary, writes: before.writes + 1 });
    expect(await servingRegion(lab)).toBe('200 canadaeast');
    expect(await stepOf(outcome.runId, 'validate')).toMatchObject({ state: 'succeeded', output: { healthRegion: 'canadaeast' } });
  }, 240_000);

  it('a failback whose first traffic stage fails its health gate routes everything back to the secondary and stops', async () => {
    const fd = lab.config.components.frontDoor;
    await applyFault(lab.lab, { name: 'region-up', args: ['primary'] });
    // The primary app dies once check-target has passed, just as the first 10 % of traffic arrives.
    const hooked = withStepHook(registry(), 'set-origin-weights', async (ctx) => {
      if (ctx.step.id === 'shift-weight-10') await applyFault(lab.lab, { name: 'stop', args: ['app', 'primary'] });
    });
    const before = await readLabRoute(lab);
    try {
      const request = await approveTestRequest(database.db, lab.config, 'failback', 'primary healthy again');
      const outcome = await executeRunbookWork(database.db, { requestId: request.id, runId: null }, hooked);

      expect(outcome.result?.state).toBe('failed');
      expect(outcome.requestState).toBe('failed');
      expect((await readChangeRequest(database.db, request.id))?.state).toBe('failed');
      const states = await stepStates(outcome.runId);
      expect(states).toMatchObject({ 'check-target': 'succeeded', 'shift-weight-10': 'failed', 'shift-weight-50': 'skipped', 'shift-weight-100': 'skipped', validate: 'skipped', 'scale-down-standby': 'skipped' });
      const stage = await stepOf(outcome.runId, 'shift-weight-10');
      expect(stage?.error).toMatch(/^attempt 1: health gate failed at 10 % to origin-canadacentral: .*; rolled back: route default-route on og-canadaeast \(was og-canadacentral\)$/);
      // Two route writes: the stage pointed it at the primary group, the rollback pointed it back.
      expect(await readLabRoute(lab)).toEqual({ originGroup: fd.originGroups.secondary, writes: before.writes + 2 });
      expect(await servingRegion(lab)).toBe('200 canadaeast');
    } finally {
      await applyFault(lab.lab, { name: 'start', args: ['app', 'primary'] });
    }
    // With the primary back, the route still stays where the rollback put it.
    expect(await servingRegion(lab)).toBe('200 canadaeast');
  }, 240_000);
});
