import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { listCostMonths } from '@/lib/db/costs/list-cost-months';
import { listStoredSnapshots } from '@/lib/db/costs/list-stored-snapshots';
import { listTrafficRuns } from '@/lib/db/costs/list-traffic-runs';
import { readLastMeasuredRecovery } from '@/lib/db/runbooks/read-last-measured-recovery';
import { monthBounds } from '@/lib/domain/cost-month';
import { buildCostsOverview } from './build-costs-overview';
import type { CostsOverview } from './costs-overview';

/** What /costs shows, from the database only: the leader's stored months, snapshot runs and traffic-moving runs. */
export async function readCostsOverview(db: Db, config: LifeboatConfig, now: Date = new Date()): Promise<CostsOverview> {
  const months = await listCostMonths(db);
  const since = months[0] ? monthBounds(months[0].month).first : now;
  const [storedSnapshots, trafficRuns, lastMeasured] = await Promise.all([
    listStoredSnapshots(db, config.schedules.retentionDays.qdrant, now),
    listTrafficRuns(db, since),
    readLastMeasuredRecovery(db),
  ]);
  return buildCostsOverview(config, { months, storedSnapshots, trafficRuns, lastMeasured, now });
}
