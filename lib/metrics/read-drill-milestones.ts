import type { Db } from '@/lib/db/client';
import { listDrillsWithRuns } from '@/lib/db/metrics/list-drills-with-runs';
import { readNextDrill } from '@/lib/db/metrics/read-next-drill';
import type { Objectives } from '@/lib/domain/drill-criteria';
import { drillMilestones, type DrillMilestones } from './drill-milestones';
import { judgeDrills } from './judge-drill';

/** Every board poll and probe cycle reads this: five years of quarterly drills is enough to find the last pass. */
const EXECUTED_DRILLS_READ = 20;

/** The last successful drill (among the newest executed ones) and the next drill, judged against the configured objectives. */
export async function readDrillMilestones(db: Db, objectives: Objectives, now: Date): Promise<DrillMilestones> {
  const [drills, next] = await Promise.all([listDrillsWithRuns(db, { take: EXECUTED_DRILLS_READ, states: ['requested', 'ran'] }), readNextDrill(db, now)]);
  return drillMilestones(judgeDrills(drills, objectives), next);
}
