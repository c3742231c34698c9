import type { MeasuredRecovery } from '@/lib/domain/estimate-rto';
import type { Db } from '../client';

/** The newest real failover or drill whose RTO was measured: the board's RTO comes from it instead of the plan's estimate. */
export async function readLastMeasuredRecovery(db: Db): Promise<MeasuredRecovery | null> {
  const run = await db.runbookRun.findFirst({
    where: { dryRun: false, kind: { in: ['failover', 'drill'] }, rtoSeconds: { not: null }, servingAt: { not: null } },
    orderBy: { servingAt: 'desc' },
    select: { kind: true, rtoSeconds: true, servingAt: true },
  });
  if (!run?.servingAt || run.rtoSeconds === null) return null;
  return { rtoMinutes: Math.round((run.rtoSeconds / 60) * 10) / 10, at: run.servingAt, kind: run.kind === 'drill' ? 'drill' : 'failover' };
}
