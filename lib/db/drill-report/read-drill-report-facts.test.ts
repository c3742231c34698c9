import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRunbookRun } from '../runbooks/insert-runbook-run';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { lockDrillFollowUps } from './lock-drill-follow-ups';
import { readDrillReportFacts } from './read-drill-report-facts';
import { insertTestDrill, TEST_DRILL_PLAN } from '../drills/testing/insert-test-drill';
import { updateDrillLessons } from './update-drill-lessons';
import { writeDrillFollowUps } from './write-drill-follow-ups';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);

describe('readDrillReportFacts', () => {
  it('reads the drill, its participants, its request with decisions and its real run (not a later dry run) with every step and measurement', async () => {
    const { drillId, requestId, runId } = await insertTestDrill(t.db, { title: 'Q4 drill', scheduledFor: day('2026-11-20'), run: { rtoSeconds: 1_230, rpoSeconds: 300 } });
    // A dry run started after the real one: the report is about what really ran.
    await t.db.$transaction((tx) => insertRunbookRun(tx, { requestId, plan: TEST_DRILL_PLAN, planDigest: 'd'.repeat(64), dryRun: true }));
    const facts = await readDrillReportFacts(t.db, drillId);
    expect(facts?.drill).toMatchObject({ id: drillId, title: 'Q4 drill', environment: 'lab', state: 'ran', lessonsLearned: '', followUps: [] });
    expect(facts?.drill.participants.map((p) => [p.userName, p.confirmedAt instanceof Date])).toEqual([['Omar Operator', true], ['Ada Architect', true]]);
    expect(facts?.request).toMatchObject({ id: requestId, kind: 'drill', state: 'done' });
    expect(facts?.request?.decisions.map((d) => d.approverName)).toEqual(['Approver 1', 'Approver 2']);
    expect(facts?.run).toMatchObject({ id: runId, state: 'succeeded', dryRun: false, rtoSeconds: 1_230, rpoSeconds: 300 });
    expect(facts?.run?.steps.map((s) => [s.stepId, s.state, s.attempt])).toEqual([['failover/check', 'succeeded', 1], ['failover/switch', 'succeeded', 2], ['failover/validate', 'succeeded', 3]]);
    expect(facts?.run?.servingAt).toBeInstanceOf(Date);
  });

  it('compares only with earlier drills that ran, newest first', async () => {
    const older = await insertTestDrill(t.db, { title: 'Q2', scheduledFor: day('2026-05-20'), run: { state: 'failed', rtoSeconds: 20_000, rpoSeconds: 600 } });
    const middle = await insertTestDrill(t.db, { title: 'Q3', scheduledFor: day('2026-08-20'), run: { rtoSeconds: 1_500, rpoSeconds: 120 } });
    await insertTestDrill(t.db, { title: 'Q3 bis, never ran', scheduledFor: day('2026-09-01'), run: null });
    const current = await insertTestDrill(t.db, { title: 'Q4 bis', scheduledFor: day('2026-11-25'), run: { rtoSeconds: 900, rpoSeconds: 60 } });
    await insertTestDrill(t.db, { title: 'Q1 next year', scheduledFor: day('2027-02-20'), run: { rtoSeconds: 900, rpoSeconds: 60 } });
    const facts = await readDrillReportFacts(t.db, current.drillId);
    const previous = facts?.previous.filter((p) => p.title.startsWith('Q2') || p.title.startsWith('Q3')) ?? [];
    expect(previous.map((p) => [p.id, p.run.state, p.run.rtoSeconds, p.run.rpoSeconds])).toEqual([
      [middle.drillId, 'succeeded', 1_500, 120],
      [older.drillId, 'failed', 20_000, 600],
    ]);
    expect(facts?.previous.map((p) => p.title)).not.toContain('Q1 next year');
    expect(previous[1]?.run.steps).toEqual([expect.objectContaining({ stepId: 'failover/validate', action: 'validate-serving', state: 'failed', error: 'GET /health answered 503' })]);
  });

  it('reads a drill that has not run as one without request or run, and an unknown drill as null', async () => {
    const { drillId } = await insertTestDrill(t.db, { run: null });
    expect(await readDrillReportFacts(t.db, drillId)).toMatchObject({ request: null, run: null });
    expect(await readDrillReportFacts(t.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('writes lessons and follow-ups, and reads them back', async () => {
    const { drillId } = await insertTestDrill(t.db, { run: null });
    const followUp = { id: 'f1', text: 'Pre-scale the pool', owner: 'Ada Architect', dueDate: '2026-12-15', done: false };
    await t.db.$transaction(async (tx) => {
      expect(await updateDrillLessons(tx, drillId, 'AKS scaling was slowest.', new Date())).toBe(true);
      expect(await lockDrillFollowUps(tx, drillId)).toEqual([]);
      await writeDrillFollowUps(tx, drillId, [followUp], new Date());
    });
    expect((await readDrillReportFacts(t.db, drillId))?.drill).toMatchObject({ lessonsLearned: 'AKS scaling was slowest.', followUps: [followUp] });
    await t.db.$transaction(async (tx) => {
      expect(await updateDrillLessons(tx, '00000000-0000-4000-8000-000000000000', 'x', new Date())).toBe(false);
      expect(await lockDrillFollowUps(tx, '00000000-0000-4000-8000-000000000000')).toBeNull();
    });
  });
});
