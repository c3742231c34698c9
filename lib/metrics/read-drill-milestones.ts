import type { Db } from '@/lib/db/client';
import { readNextDrill } from '@/lib/db/metrics/read-next-drill';
import type { Objectives } from '@/lib/domain/drill-criteria';
import { nextDrillMilestone, type DrillMilestones } from './drill-milestones';
import { readLastSuccessfulDrill } from './read-last-successful-drill';

/** The last successful drill and the next drill, as the board shows them. */
export async function readDrillMilestones(db: Db, objectives: Objectives, now: Date): Promise<DrillMilestones> {
  const [lastSuccessful, next] = await Promise.all([readLastSuccessfulDrill(db, objectives), readNextDrill(db, now)]);
  return { lastSuccessful, next: nextDrillMilestone(next) };
}
