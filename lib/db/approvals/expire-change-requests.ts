import type { DbTx } from '../client';
import { transitionChangeRequest } from './transition-change-request';

/** Pending or approved requests past their expiry become expired; returns their ids. */
export async function expireChangeRequests(tx: DbTx, now: Date): Promise<string[]> {
  const due = await tx.changeRequest.findMany({ where: { state: { in: ['pending', 'approved'] }, expiresAt: { lte: now } }, select: { id: true, state: true } });
  const expired: string[] = [];
  for (const request of due) {
    const from = request.state === 'approved' ? 'approved' : 'pending';
    if (await transitionChangeRequest(tx, { id: request.id, from, to: 'expired', actor: { id: 'system', name: 'Lifeboat' }, comment: 'expired before it was executed' })) expired.push(request.id);
  }
  return expired;
}
