import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSecureAction, type Actor } from '@/lib/actions/run-secure-action';
import { approver, architect, ok, operator, viewer } from '@/lib/actions/testing/test-actors';
import { startExecution } from '@/lib/approvals/start-execution';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { transitionChangeRequest } from '@/lib/db/approvals/transition-change-request';
import { readDrill } from '@/lib/db/drills/read-drill';
import { createRunbookRun } from '@/lib/db/runbooks/create-runbook-run';
import { readRunAuditTrail } from '@/lib/db/runbooks/read-run-audit-trail';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { closeFinishedDrills } from '@/lib/drills/close-finished-drills';
import { LIVE_DEPS } from '../failovers/change-action-deps';
import { decideDefinition } from '../failovers/decide-definition';
import { cancelDrillDefinition } from './cancel-drill-definition';
import { confirmParticipationDefinition } from './confirm-participation-definition';
import { requestDrillRunDefinition } from './request-drill-run-definition';
import { scheduleDrillDefinition } from './schedule-drill-definition';
import { drillForm, signIn } from './drill-test-fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase('lifeboat_drill_actions');
  await signIn(t.db, [operator, architect, viewer, approver(1), approver(2)]);
});
afterAll(async () => t?.drop());

const schedule = (actor: Actor, fields: Record<string, string>) => runSecureAction(scheduleDrillDefinition(), actor, fields, t.db);
const requestRun = (actor: Actor, id: string) => runSecureAction(requestDrillRunDefinition(), actor, { id }, t.db);
const confirm = (actor: Actor, id: string) => runSecureAction(confirmParticipationDefinition(), actor, { id, comment: 'followed every step' }, t.db);
const cancel = (actor: Actor, id: string) => runSecureAction(cancelDrillDefinition(), actor, { id }, t.db);
const events = (action: string) => t.db.auditEvent.findMany({ where: { action }, orderBy: { seq: 'asc' } });
// Half an hour ahead: inside the window in which its run may be requested.
const scheduled = async (hoursAhead = 0.5) => ok(await schedule(operator, drillForm(['operator', 'architect'], {}, hoursAhead))).id;

describe('drill.schedule', () => {
  it('refuses a Viewer and an Approver, each audited as denied, and schedules nothing', async () => {
    for (const actor of [viewer, approver(1)]) expect(await schedule(actor, drillForm(['operator', 'architect']))).toMatchObject({ ok: false, error: 'forbidden' });
    expect((await events('drill.schedule')).map((e) => [e.actorId, e.outcome])).toEqual([
      ['viewer', 'denied'],
      ['approver1', 'denied'],
    ]);
    expect(await t.db.drill.count()).toBe(0);
  });

  it('refuses bad input: a short title, one participant, a bad environment, no date', async () => {
    const refused = async (fields: Record<string, string>, field: string) => {
      const result = await schedule(operator, fields);
      expect(result).toMatchObject({ ok: false, error: 'invalid' });
      expect(result.ok ? {} : result.fieldErrors).toHaveProperty(field);
    };
    await refused(drillForm(['operator', 'architect'], { title: 'x' }), 'title');
    await refused(drillForm(['operator']), 'participantIds');
    await refused(drillForm(['operator', 'architect'], { environment: 'prod/../x' }), 'environment');
    await refused(drillForm(['operator', 'architect'], { scheduledFor: 'next tuesday' }), 'scheduledFor');
    expect(await t.db.drill.count()).toBe(0);
  });

  it('refuses someone who never signed in and a date in the past, audited as failures', async () => {
    expect(await schedule(operator, drillForm(['operator', 'mallory']))).toMatchObject({ ok: false, code: 'unknown-participant', message: expect.stringContaining('mallory') });
    expect(await schedule(operator, drillForm(['operator', 'architect'], {}, -1))).toMatchObject({ ok: false, code: 'in-the-past' });
    expect((await events('drill.schedule')).filter((e) => e.outcome === 'failure')).toHaveLength(2);
  });

  it('schedules for an Operator or an Architect, with the participants as they signed in, audited', async () => {
    const id = await scheduled();
    const drill = await readDrill(t.db, id);
    expect(drill).toMatchObject({ title: 'Quarterly DR drill', environment: 'lab', state: 'scheduled', createdById: 'operator', requestId: null });
    expect(drill?.participants.map((p) => [p.userId, p.userName, p.role, p.confirmedAt])).toEqual([
      ['operator', 'Omar Operator', 'Operator', null],
      ['architect', 'Ada Architect', 'Architect', null],
    ]);
    const [event] = (await events('drill.schedule')).filter((e) => e.outcome === 'success');
    expect(event).toMatchObject({ actorId: 'operator', targetType: 'drill', targetId: id, payload: { drillId: id, input: { participantIds: ['operator', 'architect'], environment: 'lab' } } });
    ok(await schedule(architect, drillForm(['viewer', 'approver1'], { environment: 'staging' })));
  });
});

describe('drill.cancel', () => {
  it('cancels a scheduled drill once; a Viewer may not', async () => {
    const id = await scheduled();
    expect(await cancel(viewer, id)).toMatchObject({ ok: false, error: 'forbidden' });
    ok(await cancel(architect, id));
    expect((await readDrill(t.db, id))?.state).toBe('cancelled');
    expect(await cancel(operator, id)).toMatchObject({ ok: false, code: 'not-scheduled' });
  });
});

describe('drill.request-run and drill.confirm', () => {
  it('creates and submits the drill request with the drill runbook, links it, and refuses a second request', async () => {
    const id = await scheduled();
    expect(await requestRun(architect, id)).toMatchObject({ ok: false, error: 'forbidden' });
    const { requestId, planDigest } = ok(await requestRun(operator, id));
    const request = await readChangeRequest(t.db, requestId);
    expect(request).toMatchObject({ kind: 'drill', state: 'pending', planDigest, requestedById: 'operator' });
    expect(request?.reason).toContain('participants: Omar Operator, Ada Architect');
    expect(request?.plan.steps.slice(0, 3).map((step) => step.id)).toEqual(['announce-drill', 'simulate-region-failure', 'failover/check-target']);
    expect(await readDrill(t.db, id)).toMatchObject({ state: 'requested', requestId });
    expect(await requestRun(operator, id)).toMatchObject({ ok: false, code: 'not-scheduled' });
    expect(await cancel(operator, id)).toMatchObject({ ok: false, code: 'not-scheduled' });
    expect(await t.db.changeRequest.count({ where: { kind: 'drill' } })).toBe(1);
    expect((await events('drill.request-run')).map((e) => e.outcome)).toEqual(['denied', 'success', 'failure']);
  });

  it('refuses a request earlier than an hour before the scheduled time, saying when it opens, and creates nothing', async () => {
    const id = await scheduled(72);
    const before = await t.db.changeRequest.count();
    const refused = await requestRun(operator, id);
    expect(refused).toMatchObject({ ok: false, code: 'too-early', message: expect.stringMatching(/can be requested from \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/) });
    expect(await t.db.changeRequest.count()).toBe(before);
    expect(await readDrill(t.db, id)).toMatchObject({ state: 'scheduled', requestId: null });
    expect((await events('drill.request-run')).filter((e) => e.targetId === id).map((e) => [e.outcome, (e.payload as { code?: string }).code])).toEqual([['failure', 'too-early']]);
  });

  it('audits the drill request\'s creation and submission on the change request, so its run\'s trail shows them', async () => {
    const id = await scheduled();
    const { requestId, planDigest } = ok(await requestRun(operator, id));
    const trail = await readRunAuditTrail(t.db, { id: 'no-run-yet', requestId });
    expect(trail.map((e) => [e.action, e.actorId, e.outcome])).toEqual([
      ['change.create', 'operator', 'success'],
      ['change.submit', 'operator', 'success'],
    ]);
    const payloadOf = async (action: string) => (await events(action)).find((e) => e.targetId === requestId)?.payload;
    expect(await payloadOf('change.create')).toMatchObject({ input: { kind: 'drill' }, requestId, planDigest, drillId: id });
    expect(await payloadOf('change.submit')).toMatchObject({ input: { id: requestId }, planDigest, expiresAt: expect.any(String) });
  });

  it('confirmations: not before the run finished, only participants, once each; then the drill is marked ran, once', async () => {
    const id = await scheduled();
    const { requestId, planDigest } = ok(await requestRun(operator, id));
    expect(await confirm(operator, id)).toMatchObject({ ok: false, code: 'not-finished' });

    for (const n of [1, 2]) ok(await runSecureAction(decideDefinition('approve', LIVE_DEPS), approver(n), { id: requestId, digest: planDigest, comment: 'drill plan checked' }, t.db));
    const system = { id: 'system', name: 'Lifeboat' };
    await t.db.$transaction((tx) => startExecution(tx, requestId, system));
    const { plan } = (await readChangeRequest(t.db, requestId))!;
    await createRunbookRun(t.db, { requestId, plan, planDigest, dryRun: false });
    await t.db.$transaction((tx) => transitionChangeRequest(tx, { id: requestId, from: 'executing', to: 'done', actor: system }));

    expect(await confirm(viewer, id)).toMatchObject({ ok: false, code: 'not-participant' });
    ok(await confirm(operator, id));
    expect(await confirm(operator, id)).toMatchObject({ ok: false, code: 'already-confirmed' });
    ok(await confirm(architect, id));
    const drill = await readDrill(t.db, id);
    expect(drill?.participants.every((p) => p.confirmedAt instanceof Date && p.comment === 'followed every step')).toBe(true);
    expect((await events('drill.confirm')).map((e) => [e.actorId, e.outcome])).toEqual([
      ['operator', 'failure'],
      ['viewer', 'failure'],
      ['operator', 'success'],
      ['operator', 'failure'],
      ['architect', 'success'],
    ]);

    expect(await closeFinishedDrills(t.db)).toEqual([{ id, state: 'ran', requestState: 'done' }]);
    expect(await closeFinishedDrills(t.db)).toEqual([]);
    expect((await readDrill(t.db, id))?.state).toBe('ran');
    expect((await events('drill.ran')).map((e) => [e.targetId, e.actorId, e.payload])).toEqual([[id, 'system', expect.objectContaining({ requestId, requestState: 'done' })]]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
