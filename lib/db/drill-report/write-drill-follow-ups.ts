import type { FollowUp } from '@/lib/domain/follow-up';
import type { DbTx, Prisma } from '../client';

/** Stores a drill's whole follow-up list (read with lockDrillFollowUps in the same transaction). */
export async function writeDrillFollowUps(tx: DbTx, drillId: string, followUps: readonly FollowUp[], now: Date): Promise<void> {
  await tx.drill.update({ where: { id: drillId }, data: { followUps: followUps as unknown as Prisma.InputJsonArray, updatedAt: now } });
}
