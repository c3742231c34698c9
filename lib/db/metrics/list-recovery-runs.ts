import type { Db } from '../client';
import type { DrillRunRecord } from '../drills/drill-record';

/** A real (not dry) failover, failback or drill run with what it measured (a drill run's fields, without its steps). */
export type RecoveryRunRecord = Omit<DrillRunRecord, 'steps'> & { requestId: string | null; kind: string; drill: { id: string; title: string } | null };

/** Years of failovers and quarterly drills fit well inside this; the page says when it is reached. */
export const RECOVERY_RUNS_READ = 500;

/** Real runs (never dry runs), oldest first: the newest `RECOVERY_RUNS_READ`, or those started in [from, to). */
export async function listRecoveryRuns(db: Db, period: { from?: Date; to?: Date } = {}): Promise<RecoveryRunRecord[]> {
  const rows = await db.runbookRun.findMany({
    where: { dryRun: false, startedAt: { ...(period.from ? { gte: period.from } : {}), ...(period.to ? { lt: period.to } : {}) } },
    orderBy: [{ startedAt: 'desc' }, { id: 'asc' }],
    take: RECOVERY_RUNS_READ,
    select: {
      id: true,
      requestId: true,
      kind: true,
      state: true,
      startedAt: true,
      finishedAt: true,
      servingAt: true,
      rtoSeconds: true,
      rpoSeconds: true,
      request: { select: { drill: { select: { id: true, title: true } } } },
    },
  });
  return rows.reverse().map(({ request, ...run }) => ({ ...run, drill: request?.drill ?? null }));
}
