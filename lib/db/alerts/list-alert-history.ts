import type { Db } from '../client';
import { toStoredAlert, type StoredAlert } from './stored-alert';

export type AlertHistoryOptions = { limit?: number; since?: Date; rule?: string };

/** Alerts fired (firing or resolved), newest first. */
export async function listAlertHistory(db: Db, options: AlertHistoryOptions = {}): Promise<StoredAlert[]> {
  const rows = await db.alert.findMany({
    where: { ...(options.since ? { firedAt: { gte: options.since } } : {}), ...(options.rule ? { rule: options.rule } : {}) },
    orderBy: [{ firedAt: 'desc' }, { id: 'desc' }],
    take: options.limit ?? 100,
  });
  return rows.map(toStoredAlert);
}
