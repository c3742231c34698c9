import type { DbTx } from '../client';

export type DueDrillReminder = { id: string; title: string; scheduledFor: Date; environment: string; participants: { userId: string; userName: string }[] };

/**
 * Drills still to run that start within `horizonMs` and were never reminded: each is marked
 * reminded now (a conditional update, so two sweeps never both claim one) and returned.
 */
export async function claimDueDrillReminders(tx: DbTx, now: Date, horizonMs: number): Promise<DueDrillReminder[]> {
  const due = await tx.drill.findMany({
    where: { state: { in: ['scheduled', 'requested'] }, reminderSentAt: null, scheduledFor: { gte: now, lte: new Date(now.getTime() + horizonMs) } },
    orderBy: { scheduledFor: 'asc' },
    select: { id: true, title: true, scheduledFor: true, environment: true, participants: { orderBy: { id: 'asc' }, select: { userId: true, userName: true } } },
  });
  const claimed: DueDrillReminder[] = [];
  for (const drill of due) {
    const { count } = await tx.drill.updateMany({ where: { id: drill.id, reminderSentAt: null }, data: { reminderSentAt: now } });
    if (count === 1) claimed.push(drill);
  }
  return claimed;
}
