import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChangePlan } from '@/lib/domain/build-change-plan';
import type { ChangeKind, ChangePlan } from '@/lib/domain/change-plan';
import { TEST_TOPOLOGY } from '@/lib/domain/testing/plan-topology-fixture';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createRunbookRun } from './create-runbook-run';
import { readStandbyHold } from './read-standby-hold';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

const TOPOLOGY = { ...TEST_TOPOLOGY, labControlUrl: 'http://127.0.0.1:8090' };
const plans: Record<Exclude<ChangeKind, 'storage-failover'>, ChangePlan> = {
  failover: buildChangePlan('failover', TOPOLOGY),
  failback: buildChangePlan('failback', TOPOLOGY),
  drill: buildChangePlan('drill', TOPOLOGY, { environment: 'lab' }),
};
let clock = Date.parse('2026-11-24T10:00:00Z');

const start = (kind: keyof typeof plans, dryRun = false) => createRunbookRun(database.db, { requestId: null, plan: plans[kind], planDigest: 'd'.repeat(64), dryRun });

/** Ends a run as `state`, its traffic steps (by id ending) in the given states; the others stay pending. */
async function finish(id: string, state: 'succeeded' | 'failed' | 'aborted', steps: Record<string, 'succeeded' | 'failed' | 'skipped'> = {}): Promise<void> {
  clock += 60_000;
  for (const [suffix, stepState] of Object.entries(steps)) {
    await database.db.runbookStep.updateMany({ where: { runId: id, stepId: { endsWith: suffix } }, data: { state: stepState } });
  }
  await database.db.runbookRun.update({ where: { id }, data: { state, finishedAt: new Date(clock) } });
}

describe('readStandbyHold: scheduled restores into the standby wait while it is in use', () => {
  it('holds while a real run executes (not a dry run), and while the newest traffic move left the secondary serving', async () => {
    expect(await readStandbyHold(database.db)).toBeNull();
    await finish(await start('failover', true), 'succeeded', { 'switch-front-door': 'succeeded' });
    expect(await readStandbyHold(database.db)).toBeNull();

    const failover = await start('failover');
    expect(await readStandbyHold(database.db)).toMatch(/a failover run .* is executing/);
    await finish(failover, 'succeeded', { 'switch-front-door': 'succeeded' });
    expect(await readStandbyHold(database.db)).toMatch(/the secondary serves since failover run/);

    await finish(await start('failback'), 'succeeded', { 'shift-weight-10': 'succeeded', 'shift-weight-50': 'succeeded', 'shift-weight-100': 'succeeded' });
    expect(await readStandbyHold(database.db)).toBeNull();
  });

  it('holds after a failover that switched the route and then failed its validation', async () => {
    await finish(await start('failover'), 'failed', { 'switch-front-door': 'succeeded', validate: 'failed' });
    expect(await readStandbyHold(database.db)).toMatch(/the secondary serves since failover run/);
  });

  it('holds after a failback whose gate failed (compensated to the secondary) or that stopped mid-shift', async () => {
    await finish(await start('failback'), 'failed', { 'shift-weight-10': 'succeeded', 'shift-weight-50': 'failed' });
    expect(await readStandbyHold(database.db)).toMatch(/the secondary serves since failback run/);
    await finish(await start('failback'), 'aborted', { 'shift-weight-10': 'succeeded', 'shift-weight-50': 'skipped' });
    expect(await readStandbyHold(database.db)).toMatch(/traffic is split between the regions since failback run/);
    await finish(await start('failback'), 'succeeded', { 'shift-weight-10': 'succeeded', 'shift-weight-50': 'succeeded', 'shift-weight-100': 'succeeded' });
    expect(await readStandbyHold(database.db)).toBeNull();
  });

  it('holds after a drill that failed between its failover and its failback, and ignores a run that moved nothing', async () => {
    await finish(await start('drill'), 'failed', { 'failover/switch-front-door': 'succeeded', 'failback/shift-weight-10': 'skipped' });
    expect(await readStandbyHold(database.db)).toMatch(/the secondary serves since drill run/);
    await finish(await start('failback'), 'succeeded', { 'shift-weight-10': 'succeeded', 'shift-weight-50': 'succeeded', 'shift-weight-100': 'succeeded' });
    // A newer failover that failed before its switch leaves the primary serving.
    await finish(await start('failover'), 'failed', { 'scale-aks': 'failed', 'switch-front-door': 'skipped' });
    expect(await readStandbyHold(database.db)).toBeNull();
  });
});
