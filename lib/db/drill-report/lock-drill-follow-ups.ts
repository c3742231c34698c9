import { parseFollowUps, type FollowUp } from '@/lib/domain/follow-up';
import type { DbTx } from '../client';

/**
 * A drill's follow-ups under its row lock (inside a transaction), so two Architects editing at
 * once apply their edits one after the other instead of one overwriting the other; null for an unknown drill.
 */
export async function lockDrillFollowUps(tx: DbTx, drillId: string): Promise<FollowUp[] | null> {
  const rows = await tx.$queryRaw<{ followUps: unknown }[]>`SELECT "followUps" FROM "Drill" WHERE "id" = ${drillId}::uuid FOR UPDATE`;
  const row = rows[0];
  return row ? parseFollowUps(row.followUps) : null;
}
