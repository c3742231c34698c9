import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { cancelDrill } from './cancel-drill';
import { confirmParticipation } from './confirm-participation';
import { insertDrill } from './insert-drill';
import { linkDrillRequest } from './link-drill-request';
import { markDrillRan } from './mark-drill-ran';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('lifeboat_drill_guards');
});
afterAll(async () => test?.drop());

const now = new Date();
const newDrill = () =>
  insertDrill(test.db, {
    title: 'Guarded drill',
    scheduledFor: new Date(now.getTime() + 3_600_000),
    environment: 'lab',
    createdBy: { id: 'operator', name: 'Omar Operator' },
    participants: [
      { userId: 'operator', userName: 'Omar Operator', role: 'Operator' },
      { userId: 'architect', userName: 'Ada Architect', role: 'Architect' },
    ],
  });
const newRequest = async () =>
  (
    await test.db.changeRequest.create({
      data: { kind: 'drill', reason: 'drill', state: 'pending', plan: {}, planDigest: 'd'.repeat(64), preflight: {}, requestedById: 'operator', requestedByName: 'Omar Operator', requestedAt: now, expiresAt: new Date(now.getTime() + 3_600_000), approversRequired: 2 },
      select: { id: true },
    })
  ).id;
const setState = (id: string, state: string) => test.db.drill.update({ where: { id }, data: { state } });

describe('the drill tables guard themselves', () => {
  it('a drill moves only scheduled → requested (with its request) → ran, or to cancelled; ran and cancelled are final', async () => {
    const id = await newDrill();
    await expect(setState(id, 'ran')).rejects.toThrow(/cannot go from scheduled to ran/);
    await expect(setState(id, 'requested')).rejects.toThrow(/needs its change request/);
    expect(await linkDrillRequest(test.db, id, await newRequest(), now)).toBe(true);
    await expect(setState(id, 'scheduled')).rejects.toThrow(/cannot go from requested to scheduled/);
    expect(await markDrillRan(test.db, id, now)).toBe(true);
    await expect(setState(id, 'scheduled')).rejects.toThrow(/cannot go from ran to scheduled/);
    await expect(setState(id, 'cancelled')).rejects.toThrow(/cannot go from ran to cancelled/);
    // Lessons learned are still written after the run.
    await test.db.drill.update({ where: { id }, data: { lessonsLearned: 'scale earlier' } });

    const cancelled = await newDrill();
    expect(await cancelDrill(test.db, cancelled, 'scheduled', now)).toBe(true);
    await expect(setState(cancelled, 'requested')).rejects.toThrow(/cannot go from cancelled to requested/);
    await expect(setState(cancelled, 'scheduled')).rejects.toThrow(/cannot go from cancelled to scheduled/);
  });

  it('refuses DELETE of a drill and of a participant', async () => {
    const id = await newDrill();
    await expect(test.db.drillParticipant.deleteMany({ where: { drillId: id } })).rejects.toThrow(/DrillParticipant rows are kept/);
    await expect(test.db.$executeRaw`DELETE FROM "Drill" WHERE "id" = ${id}::uuid`).rejects.toThrow(/Drill rows are kept/);
    expect(await test.db.drillParticipant.count({ where: { drillId: id } })).toBe(2);
  });

  it('a confirmation is written once, with its comment; it and who took part cannot be rewritten', async () => {
    const id = await newDrill();
    const where = { drillId_userId: { drillId: id, userId: 'operator' } };
    await expect(test.db.drillParticipant.update({ where, data: { comment: 'a note before confirming' } })).rejects.toThrow(/comes with their confirmation/);
    expect(await confirmParticipation(test.db, id, 'operator', now, 'followed every step')).toBe(true);
    await expect(test.db.drillParticipant.update({ where, data: { confirmedAt: new Date(now.getTime() + 60_000) } })).rejects.toThrow(/confirmation is final/);
    await expect(test.db.drillParticipant.update({ where, data: { comment: 'rewritten' } })).rejects.toThrow(/confirmation is final/);
    await expect(test.db.drillParticipant.update({ where, data: { confirmedAt: null, comment: null } })).rejects.toThrow(/confirmation is final/);
    await expect(test.db.drillParticipant.update({ where: { drillId_userId: { drillId: id, userId: 'architect' } }, data: { userName: 'Mallory' } })).rejects.toThrow(/only the confirmation/);
    expect(await test.db.drillParticipant.findUnique({ where, select: { confirmedAt: true, comment: true } })).toEqual({ confirmedAt: now, comment: 'followed every step' });
  });
});
