import type { Db } from '../client';
import { toChangeRequestRecord, WITH_HISTORY, type ChangeRequestRecord } from './change-request-record';

/** Requests one person has approved or denied, most recently decided first. */
export async function listRequestsDecidedBy(db: Db, approverId: string, limit = 20): Promise<ChangeRequestRecord[]> {
  const decisions = await db.approvalDecision.findMany({ where: { approverId }, orderBy: { decidedAt: 'desc' }, take: limit, select: { requestId: true } });
  const rows = await db.changeRequest.findMany({ where: { id: { in: decisions.map((d) => d.requestId) } }, include: WITH_HISTORY });
  const order = new Map(decisions.map((d, index) => [d.requestId, index]));
  return rows.map(toChangeRequestRecord).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
