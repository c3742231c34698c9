import type { Db } from '../client';
import { DRILL_VERDICT_RUN_SELECT, REAL_RUN, realRunOf, toDrillRun } from '../drills/real-run';
import type { DrillWithRun } from './drill-with-run';

/** Drills happen quarterly: this many newest is years of history, and bounds the worker's per-cycle read. */
export const DRILLS_READ = 200;

/** The newest drills (by schedule), each with its real run and its smoke-test steps (null until it executed) and its participants. */
export async function listDrillsWithRuns(db: Db, options: { take?: number; states?: readonly string[] } = {}): Promise<DrillWithRun[]> {
  const rows = await db.drill.findMany({
    ...(options.states ? { where: { state: { in: [...options.states] } } } : {}),
    orderBy: [{ scheduledFor: 'desc' }, { id: 'asc' }],
    take: options.take ?? DRILLS_READ,
    select: {
      id: true,
      title: true,
      state: true,
      environment: true,
      scheduledFor: true,
      requestId: true,
      participants: { select: { userName: true, confirmedAt: true }, orderBy: { id: 'asc' } },
      request: { select: { runbookRuns: { ...REAL_RUN, select: DRILL_VERDICT_RUN_SELECT } } },
    },
  });
  return rows.map(({ request, ...drill }) => {
    const run = realRunOf(request);
    return { ...drill, run: run ? toDrillRun(run) : null };
  });
}
