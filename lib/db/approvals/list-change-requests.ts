import type { ChangeState } from '@/lib/domain/approval-rules';
import type { Db } from '../client';
import { toChangeRequestRecord, WITH_HISTORY, type ChangeRequestRecord } from './change-request-record';

export type ChangeRequestFilter = { states?: readonly ChangeState[]; limit?: number };

/** Newest first, with decisions and transitions (a page's worth: requests are few). */
export async function listChangeRequests(db: Db, filter: ChangeRequestFilter = {}): Promise<ChangeRequestRecord[]> {
  const rows = await db.changeRequest.findMany({
    where: filter.states ? { state: { in: [...filter.states] } } : {},
    orderBy: { requestedAt: 'desc' },
    take: filter.limit ?? 100,
    include: WITH_HISTORY,
  });
  return rows.map(toChangeRequestRecord);
}
