import type { Db } from '@/lib/db/client';
import { listDrillsWithRuns } from '@/lib/db/metrics/list-drills-with-runs';
import { listRecoveryRuns, RECOVERY_RUNS_READ } from '@/lib/db/metrics/list-recovery-runs';
import type { Objectives } from '@/lib/domain/drill-criteria';
import { buildFailoverMetrics } from './build-failover-metrics';
import type { FailoverMetrics } from './failover-metrics';
import { judgeDrills } from './judge-drill';

/** Every real failover, failback and drill run and every executed drill, shaped for the Failover metrics page. */
export async function readFailoverMetrics(db: Db, objectives: Objectives): Promise<FailoverMetrics> {
  const [runs, drills] = await Promise.all([listRecoveryRuns(db), listDrillsWithRuns(db)]);
  return buildFailoverMetrics({ runs, drills: judgeDrills(drills, objectives), objectives, truncated: runs.length >= RECOVERY_RUNS_READ });
}
