import type { Db, DbTx } from '../client';
import { toStoredAlert, type StoredAlert } from './stored-alert';

/** The alert firing for a dedupKey, if any (at most one: a partial unique index). */
export async function findFiringAlert(db: Db | DbTx, dedupKey: string): Promise<StoredAlert | null> {
  const row = await db.alert.findFirst({ where: { dedupKey, state: 'firing' } });
  return row ? toStoredAlert(row) : null;
}
