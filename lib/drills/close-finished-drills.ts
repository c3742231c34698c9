import { appendAuditEvent } from '@/lib/db/audit/append-audit-event';
import type { Db } from '@/lib/db/client';
import { cancelDrill } from '@/lib/db/drills/cancel-drill';
import { listDrillsToClose, type DrillToClose } from '@/lib/db/drills/list-drills-to-close';
import { markDrillRan } from '@/lib/db/drills/mark-drill-ran';
import { SYSTEM_ACTOR } from '@/lib/domain/audit-event';

export type ClosedDrill = { id: string; state: 'ran' | 'cancelled'; requestState: string };

async function closeOne(db: Db, drill: DrillToClose, now: Date): Promise<ClosedDrill | null> {
  const ran = drill.requestState === 'done' || drill.requestState === 'failed';
  return db.$transaction(async (tx) => {
    // Conditional moves: a second caller (two sweeps at once) changes and audits nothing.
    const moved = ran ? await markDrillRan(tx, drill.id, now) : await cancelDrill(tx, drill.id, 'requested', now);
    if (!moved) return null;
    await appendAuditEvent(tx, {
      actor: SYSTEM_ACTOR,
      action: ran ? 'drill.ran' : 'drill.cancelled',
      target: { type: 'drill', id: drill.id },
      outcome: ran && drill.requestState === 'done' ? 'success' : 'failure',
      payload: { requestId: drill.requestId, requestState: drill.requestState, rtoSeconds: drill.rtoSeconds, rpoSeconds: drill.rpoSeconds, ...(ran ? {} : { reason: `its request was ${drill.requestState} before it ran` }) },
    });
    return { id: drill.id, state: ran ? 'ran' : 'cancelled', requestState: drill.requestState };
  });
}

/**
 * Requested drills whose request has ended: executed (done or failed) → `ran`, audited `drill.ran`;
 * ended unrun (denied, expired, cancelled) → `cancelled`, audited. `onlyId` limits it to one drill.
 */
export async function closeFinishedDrills(db: Db, options: { now?: Date; onlyId?: string } = {}): Promise<ClosedDrill[]> {
  const now = options.now ?? new Date();
  const due = await listDrillsToClose(db, { id: options.onlyId });
  const closed: ClosedDrill[] = [];
  for (const drill of due) {
    const done = await closeOne(db, drill, now);
    if (done) closed.push(done);
  }
  return closed;
}
