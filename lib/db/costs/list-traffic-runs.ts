import type { TrafficRun } from '@/lib/domain/secondary-serving-hours';
import type { Db } from '../client';

/**
 * Real (not dry) failovers, failbacks and drills that completed, or reached serving and then failed
 * (traffic had moved), since `since`; plus the newest such failover or failback before it (it may still hold traffic).
 */
export async function listTrafficRuns(db: Db, since: Date): Promise<TrafficRun[]> {
  const select = { kind: true, servingAt: true, finishedAt: true } as const;
  const where = { dryRun: false, OR: [{ state: { in: ['succeeded', 'degraded'] } }, { servingAt: { not: null } }] };
  const [recent, before] = await Promise.all([
    db.runbookRun.findMany({ where: { ...where, kind: { in: ['failover', 'failback', 'drill'] }, finishedAt: { gte: since } }, select }),
    db.runbookRun.findFirst({ where: { ...where, kind: { in: ['failover', 'failback'] }, finishedAt: { lt: since } }, orderBy: { finishedAt: 'desc' }, select }),
  ]);
  return before ? [before, ...recent] : recent;
}
