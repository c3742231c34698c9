import type { DbTx } from '@/lib/db/client';
import { lockDrillFollowUps } from '@/lib/db/drill-report/lock-drill-follow-ups';
import { writeDrillFollowUps } from '@/lib/db/drill-report/write-drill-follow-ups';
import { ExpectedFailure } from '@/lib/domain/errors';
import { MAX_FOLLOW_UPS, type FollowUp } from '@/lib/domain/follow-up';

/** Applies one edit to a drill's follow-ups under its row lock and stores the result; refuses an unknown drill or a list grown past the limit. */
export async function changeFollowUps(tx: DbTx, drillId: string, now: Date, edit: (followUps: FollowUp[]) => FollowUp[]): Promise<{ before: FollowUp[]; after: FollowUp[] }> {
  const current = await lockDrillFollowUps(tx, drillId);
  if (!current) throw new ExpectedFailure(`No drill ${drillId}.`, 'not-found');
  const next = edit(current);
  if (next.length > MAX_FOLLOW_UPS) throw new ExpectedFailure(`A drill holds at most ${MAX_FOLLOW_UPS} follow-up actions: close or remove some first.`, 'too-many');
  await writeDrillFollowUps(tx, drillId, next, now);
  return { before: current, after: next };
}

/** The follow-up with this id, or a refusal naming it (it may have been removed by someone else meanwhile). */
export function findFollowUp(followUps: readonly FollowUp[], id: string): FollowUp {
  const found = followUps.find((f) => f.id === id);
  if (!found) throw new ExpectedFailure(`No follow-up ${id} on this drill: someone may have removed it. Reload the report.`, 'not-found');
  return found;
}
