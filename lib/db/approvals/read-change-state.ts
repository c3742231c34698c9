import type { Db } from '../client';

export type ChangeStateRecord = { state: string; requestedAt: Date };

/** A request's state and when it was made: what a poller needs to follow its run and time its RTO. */
export async function readChangeState(db: Db, id: string): Promise<ChangeStateRecord | null> {
  return db.changeRequest.findUnique({ where: { id }, select: { state: true, requestedAt: true } });
}
