import type { DbTx } from '../client';
import type { NotificationKind } from './stored-alert';
import type { NotificationTargetRef } from './enqueue-notifications';

/** The targets an alert's trigger went to: its resolve goes to the same ones. */
export async function listTriggerTargets(tx: DbTx, alertId: bigint): Promise<NotificationTargetRef[]> {
  const rows = await tx.notification.findMany({ where: { alertId, event: 'trigger' }, select: { target: true, kind: true }, distinct: ['target'], orderBy: { id: 'asc' } });
  return rows.map((row) => ({ name: row.target, kind: row.kind as NotificationKind }));
}
