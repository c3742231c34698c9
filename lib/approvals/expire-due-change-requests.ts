import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { LifeboatConfig } from '@/lib/config/schema';
import { enqueueChangeNotifications } from '@/lib/db/approvals/enqueue-change-notifications';
import { expireChangeRequests } from '@/lib/db/approvals/expire-change-requests';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import type { DbTx } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/domain/audit-event';
import { requestTargets } from './request-targets';

/**
 * Pending or approved requests past their expiry become expired, each audited as change.expired
 * (system actor) and announced to the request targets, all in the caller's transaction.
 */
export async function expireDueChangeRequests(tx: DbTx, config: LifeboatConfig, now = new Date()): Promise<string[]> {
  const expired = await expireChangeRequests(tx, now);
  const targets = requestTargets(config);
  for (const id of expired) {
    const notifications = await enqueueChangeNotifications(tx, id, 'expired', targets, now);
    const request = await readChangeRequest(tx, id);
    const from = request?.transitions.at(-1)?.fromState ?? null;
    await recordAuditEvent(
      {
        actor: SYSTEM_ACTOR,
        action: 'change.expired',
        target: { type: 'change-request', id },
        outcome: 'success',
        payload: { kind: request?.kind ?? null, from, expiresAt: request?.expiresAt.toISOString() ?? null, notifications },
      },
      tx,
    );
  }
  return expired;
}
