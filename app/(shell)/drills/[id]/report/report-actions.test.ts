import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSecureAction, type Actor } from '@/lib/actions/run-secure-action';
import { admin, architect, ok, operator } from '@/lib/actions/testing/test-actors';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { readDrillReportFacts } from '@/lib/db/drill-report/read-drill-report-facts';
import { insertTestDrill } from '@/lib/db/drills/testing/insert-test-drill';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { addFollowUpDefinition } from './add-follow-up-definition';
import { removeFollowUpDefinition } from './remove-follow-up-definition';
import type { ReportActionDeps } from './report-action-deps';
import { updateFollowUpDefinition } from './update-follow-up-definition';
import { updateLessonsDefinition } from './update-lessons-definition';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let ids = 0;
const deps: ReportActionDeps = { now: () => new Date('2026-11-24T10:00:00Z'), newId: () => `fu-${++ids}` };
// The drill the report's actions edit: it ran, as drills with a report do.
const RAN = { run: { rtoSeconds: 1_230, rpoSeconds: 300 } };

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const drillOf = async (id: string) => (await readDrillReportFacts(t.db, id))!.drill;
const eventsOf = (drillId: string, action: string) => t.db.auditEvent.findMany({ where: { action, targetId: drillId }, orderBy: { seq: 'asc' } });

describe('drill.lessons-updated', () => {
  const save = (actor: Actor, input: Record<string, string>) => runSecureAction(updateLessonsDefinition(deps), actor, input, t.db);

  it('saves an Architect’s lessons and audits them with the text, in the same transaction', async () => {
    const { drillId } = await insertTestDrill(t.db, RAN);
    const lessons = 'Scaling the standby pool took 11 of the 20 minutes.\r\nPre-scale it before the next drill.';
    expect(await save(architect, { drillId, lessons })).toMatchObject({ ok: true, message: 'Lessons learned saved.' });
    expect((await drillOf(drillId)).lessonsLearned).toBe(lessons.replace('\r\n', '\n'));
    const [event] = await eventsOf(drillId, 'drill.lessons-updated');
    expect(event).toMatchObject({ outcome: 'success', actorId: 'architect', targetType: 'drill', targetId: drillId });
    expect(event?.payload).toMatchObject({ input: { drillId, lessons: lessons.replace('\r\n', '\n') } });
  });

  it('lets an Admin edit too (Admins may do everything)', async () => {
    const { drillId } = await insertTestDrill(t.db, { run: null });
    ok(await save(admin, { drillId, lessons: 'Written by the admin.' }));
    expect((await drillOf(drillId)).lessonsLearned).toBe('Written by the admin.');
  });

  it('refuses an Operator: nothing changes, and the refusal is audited as denied', async () => {
    const { drillId } = await insertTestDrill(t.db, { ...RAN, lessonsLearned: 'The architect’s words.' });
    expect(await save(operator, { drillId, lessons: 'Overwritten by the operator.' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect((await drillOf(drillId)).lessonsLearned).toBe('The architect’s words.');
    const denied = await t.db.auditEvent.findMany({ where: { action: 'drill.lessons-updated', outcome: 'denied' } });
    expect(denied.map((e) => [e.actorId, e.actorRoles])).toEqual([['operator', ['Operator']]]);
  });

  it('accepts 10,000 characters and refuses one more, changing nothing and auditing nothing for the refusal', async () => {
    const { drillId } = await insertTestDrill(t.db, RAN);
    ok(await save(architect, { drillId, lessons: 'x'.repeat(10_000) }));
    const refused = await save(architect, { drillId, lessons: 'y'.repeat(10_001) });
    expect(refused).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { lessons: ['at most 10,000 characters'] } });
    expect((await drillOf(drillId)).lessonsLearned).toBe('x'.repeat(10_000));
    expect((await eventsOf(drillId, 'drill.lessons-updated')).map((e) => e.outcome)).toEqual(['success']);
  });

  it('refuses a malformed id, and an unknown drill as an audited failure', async () => {
    expect(await save(architect, { drillId: 'x', lessons: 'a' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await save(architect, { drillId: UNKNOWN, lessons: 'a' })).toMatchObject({ ok: false, error: 'failed', code: 'not-found' });
    expect((await eventsOf(UNKNOWN, 'drill.lessons-updated')).map((e) => e.outcome)).toEqual(['failure']);
  });
});

describe('drill.follow-up-*', () => {
  const add = (actor: Actor, input: Record<string, string>) => runSecureAction(addFollowUpDefinition(deps), actor, input, t.db);
  const update = (actor: Actor, input: Record<string, string>) => runSecureAction(updateFollowUpDefinition(deps), actor, input, t.db);
  const remove = (actor: Actor, input: Record<string, string>) => runSecureAction(removeFollowUpDefinition(deps), actor, input, t.db);

  it('lets an Architect add, edit, mark done and remove follow-ups, each audited with what changed', async () => {
    const { drillId } = await insertTestDrill(t.db, RAN);
    const first = ok(await add(architect, { drillId, text: 'Pre-scale the standby pool', owner: 'Ada Architect', dueDate: '2026-12-15' })).followUp;
    const second = ok(await add(architect, { drillId, text: 'Alert on Redis restore time', owner: 'Omar Operator', dueDate: '' })).followUp;
    expect(second).toMatchObject({ dueDate: null, done: false });
    ok(await update(architect, { drillId, id: first.id, text: first.text, owner: 'Bob Approver', dueDate: '2026-12-20', done: 'on' }));
    ok(await remove(architect, { drillId, id: second.id }));
    expect((await drillOf(drillId)).followUps).toEqual([{ id: first.id, text: 'Pre-scale the standby pool', owner: 'Bob Approver', dueDate: '2026-12-20', done: true }]);

    const events = await t.db.auditEvent.findMany({ where: { targetId: drillId, action: { startsWith: 'drill.follow-up-' } }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => [e.action, e.outcome, e.actorId])).toEqual([
      ['drill.follow-up-added', 'success', 'architect'],
      ['drill.follow-up-added', 'success', 'architect'],
      ['drill.follow-up-updated', 'success', 'architect'],
      ['drill.follow-up-removed', 'success', 'architect'],
    ]);
    expect(events[2]?.payload).toMatchObject({ before: { owner: 'Ada Architect', done: false }, after: { owner: 'Bob Approver', done: true } });
    expect(events[3]?.payload).toMatchObject({ removed: { text: 'Alert on Redis restore time' } });
  });

  it('refuses an Operator on every follow-up action, audited as denied, the list unchanged', async () => {
    const followUp = { id: 'f1', text: 'Pre-scale the pool', owner: 'Ada Architect', dueDate: null, done: false };
    const { drillId } = await insertTestDrill(t.db, { ...RAN, followUps: [followUp] });
    expect(await add(operator, { drillId, text: 'Something', owner: 'Omar Operator' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await update(operator, { drillId, id: 'f1', text: 'Changed', owner: 'Omar Operator', done: 'on' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await remove(operator, { drillId, id: 'f1' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect((await drillOf(drillId)).followUps).toEqual([followUp]);
    const denied = await t.db.auditEvent.findMany({ where: { actorId: 'operator', outcome: 'denied', action: { startsWith: 'drill.follow-up-' } }, orderBy: { seq: 'asc' } });
    expect(denied.map((e) => e.action)).toEqual(['drill.follow-up-added', 'drill.follow-up-updated', 'drill.follow-up-removed']);
  });

  it('refuses bad input (no text, too long, a bad date) and an unknown follow-up', async () => {
    const { drillId } = await insertTestDrill(t.db, RAN);
    expect(await add(architect, { drillId, text: '', owner: 'Ada Architect' })).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { text: expect.any(Array) } });
    expect(await add(architect, { drillId, text: 'x'.repeat(2_001), owner: 'Ada Architect' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await add(architect, { drillId, text: 'Fix it', owner: 'Ada Architect', dueDate: '15/12/2026' })).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { dueDate: expect.any(Array) } });
    expect(await update(architect, { drillId, id: 'missing', text: 'Fix it', owner: 'Ada Architect' })).toMatchObject({ ok: false, error: 'failed', code: 'not-found' });
    expect(await add(architect, { drillId: UNKNOWN, text: 'Fix it', owner: 'Ada Architect' })).toMatchObject({ ok: false, error: 'failed', code: 'not-found' });
    expect((await drillOf(drillId)).followUps).toEqual([]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
