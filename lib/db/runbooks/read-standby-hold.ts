import { trafficAfterRun } from '@/lib/domain/traffic-after-run';
import type { Db } from '../client';
import { toRunbookRun } from './runbook-record';

/** Runs that moved no traffic (failed before their switch) are skipped; this many newest is plenty. */
const RECENT_RUNS_READ = 20;

/**
 * Why the standby must not be overwritten by scheduled restores now: a runbook run is executing, or
 * the newest finished run that moved traffic (failover, failback or drill, whatever its end state)
 * left the secondary serving all or part of it. Null when the primary serves.
 */
export async function readStandbyHold(db: Db): Promise<string | null> {
  const executing = await db.runbookRun.findFirst({ where: { state: 'running', dryRun: false }, select: { id: true, kind: true } });
  if (executing) return `a ${executing.kind} run (${executing.id}) is executing`;
  const rows = await db.runbookRun.findMany({
    where: { dryRun: false, kind: { in: ['failover', 'failback', 'drill'] }, finishedAt: { not: null } },
    orderBy: { finishedAt: 'desc' },
    take: RECENT_RUNS_READ,
    include: { steps: { where: { action: { in: ['switch-route', 'set-origin-weights'] } } } },
  });
  for (const run of rows.map(toRunbookRun)) {
    const side = trafficAfterRun(run.plan, (stepId) => run.steps.find((step) => step.stepId === stepId)?.state);
    if (side === 'primary') return null;
    if (side === 'secondary') return `the secondary serves since ${run.kind} run ${run.id}`;
    if (side === 'split') return `traffic is split between the regions since ${run.kind} run ${run.id}`;
  }
  return null;
}
