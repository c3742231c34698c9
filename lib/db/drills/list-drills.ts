import type { DbTx } from '../client';
import { DRILL_INCLUDE, toDrillRecord } from './drill-include';
import type { DrillRecord } from './drill-record';
import { DRILL_VERDICT_RUN_SELECT, REAL_RUN } from './real-run';

/** The drill read, with only the run's smoke-test steps: the table's verdict needs nothing else from a run. */
const LIST_INCLUDE = {
  participants: DRILL_INCLUDE.participants,
  request: {
    select: {
      id: true,
      state: true,
      runbookRuns: { ...REAL_RUN, select: DRILL_VERDICT_RUN_SELECT },
    },
  },
};

/** Drills newest scheduled first, with what their result needs (participants, the run's validate-serving steps). */
export async function listDrills(db: DbTx, options: { limit?: number } = {}): Promise<DrillRecord[]> {
  const rows = await db.drill.findMany({ orderBy: { scheduledFor: 'desc' }, take: options.limit ?? 200, include: LIST_INCLUDE });
  return rows.map(toDrillRecord);
}
