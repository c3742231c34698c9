import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChangePlan } from '@/lib/domain/build-change-plan';
import type { ChangeKind } from '@/lib/domain/change-plan';
import { TEST_TOPOLOGY } from '@/lib/domain/testing/plan-topology-fixture';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createRunbookRun } from './create-runbook-run';
import { readLastMeasuredRecovery } from './read-last-measured-recovery';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

async function measuredRun(kind: ChangeKind, servingAt: string, rtoSeconds: number, dryRun = false): Promise<void> {
  const id = await createRunbookRun(database.db, { requestId: null, plan: buildChangePlan(kind, TEST_TOPOLOGY), planDigest: 'd'.repeat(64), dryRun });
  await database.db.runbookRun.update({ where: { id }, data: { state: 'succeeded', finishedAt: new Date(servingAt) } });
  const at = new Date(servingAt);
  await database.db.runbookRun.update({ where: { id }, data: { declaredAt: new Date(at.getTime() - rtoSeconds * 1000), servingAt: at, rtoSeconds, rpoSeconds: 60 } });
}

describe('readLastMeasuredRecovery', () => {
  it('is the newest measured failover or drill, never a dry run or a failback', async () => {
    expect(await readLastMeasuredRecovery(database.db)).toBeNull();
    await measuredRun('failover', '2026-11-20T10:00:00Z', 1_500);
    await measuredRun('drill', '2026-11-22T10:00:00Z', 1_230);
    await measuredRun('failback', '2026-11-23T10:00:00Z', 600);
    await measuredRun('failover', '2026-11-23T12:00:00Z', 60, true);
    expect(await readLastMeasuredRecovery(database.db)).toEqual({ kind: 'drill', rtoMinutes: 20.5, at: new Date('2026-11-22T10:00:00Z') });
  });
});
