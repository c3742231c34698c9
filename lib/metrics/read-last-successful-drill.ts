import type { Db } from '@/lib/db/client';
import { listDrillsWithRuns } from '@/lib/db/metrics/list-drills-with-runs';
import type { Objectives } from '@/lib/domain/drill-criteria';
import { lastSuccessfulDrill, type DrillMilestones } from './drill-milestones';
import { judgeDrills } from './judge-drill';

/** Every board poll and probe cycle reads this: five years of quarterly drills is enough to find the last pass. */
const EXECUTED_DRILLS_READ = 20;

/** The newest drill that passed, among the newest executed ones, judged against the configured objectives. */
export async function readLastSuccessfulDrill(db: Db, objectives: Objectives): Promise<DrillMilestones['lastSuccessful']> {
  return lastSuccessfulDrill(judgeDrills(await listDrillsWithRuns(db, { take: EXECUTED_DRILLS_READ, states: ['requested', 'ran'] }), objectives));
}
