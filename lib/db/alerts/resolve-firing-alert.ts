import type { DbTx } from '../client';
import { toStoredAlert, type StoredAlert } from './stored-alert';

/** firing → resolved, conditionally: null when no alert is firing for the key (already resolved by another evaluator). */
export async function resolveFiringAlert(tx: DbTx, dedupKey: string, resolvedAt: Date): Promise<StoredAlert | null> {
  const rows = await tx.alert.updateManyAndReturn({ where: { dedupKey, state: 'firing' }, data: { state: 'resolved', resolvedAt } });
  const row = rows[0];
  return row ? toStoredAlert(row) : null;
}
