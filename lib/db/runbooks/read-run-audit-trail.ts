import type { DbTx } from '../client';

export type RunAuditEvent = { seq: string; at: Date; actorId: string; actorName: string; action: string; outcome: string; targetType: string; targetId: string };

/**
 * The events about a run and about the request it executes, oldest first: the newest `limit` of
 * them, so a long history keeps its latest part (each side uses the target index).
 */
export async function readRunAuditTrail(db: DbTx, run: { id: string; requestId: string | null }, limit = 500): Promise<RunAuditEvent[]> {
  const targets = [{ targetType: 'runbook-run', targetId: run.id }, ...(run.requestId ? [{ targetType: 'change-request', targetId: run.requestId }] : [])];
  const rows = await db.auditEvent.findMany({
    where: { OR: targets },
    orderBy: { seq: 'desc' },
    take: limit,
    select: { seq: true, at: true, actorId: true, actorName: true, action: true, outcome: true, targetType: true, targetId: true },
  });
  return rows.reverse().map((row) => ({ ...row, seq: row.seq.toString() }));
}
