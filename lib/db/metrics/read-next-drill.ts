import type { Db } from '../client';

export type UpcomingDrill = { id: string; title: string; state: string; scheduledFor: Date };

/** The earliest drill still to come: scheduled or requested, not before `now`. */
export async function readNextDrill(db: Db, now: Date): Promise<UpcomingDrill | null> {
  return db.drill.findFirst({
    where: { state: { in: ['scheduled', 'requested'] }, scheduledFor: { gte: now } },
    orderBy: [{ scheduledFor: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, state: true, scheduledFor: true },
  });
}
