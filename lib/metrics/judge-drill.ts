import type { DrillWithRun } from '@/lib/db/metrics/drill-with-run';
import { drillResult, evaluateDrillCriteria, type DrillResult, type DrillVerdict, type Objectives } from '@/lib/domain/drill-criteria';

// Kept for lib/compliance and app/(shell)/metrics, which import them from here.
export type { DrillResult, Objectives };

/** A drill that executed, judged by the plan's criteria; `ranAt` is when the secondary served (else when the run ended). */
export type JudgedDrill = DrillWithRun & { run: NonNullable<DrillWithRun['run']>; verdict: DrillVerdict; result: DrillResult; ranAt: Date };

/** Null for a drill without a real run: an unexecuted drill has no result (its missing confirmations would read as a failure). */
export function judgeDrill(drill: DrillWithRun, objectives: Objectives): JudgedDrill | null {
  const run = drill.run;
  if (!run) return null;
  const verdict = evaluateDrillCriteria({ objectives, run, participants: drill.participants });
  return { ...drill, run, verdict, result: drillResult(verdict), ranAt: run.servingAt ?? run.finishedAt ?? run.startedAt };
}

/** Every executed drill judged, newest run first. */
export function judgeDrills(drills: readonly DrillWithRun[], objectives: Objectives): JudgedDrill[] {
  return drills
    .flatMap((drill) => judgeDrill(drill, objectives) ?? [])
    .sort((a, b) => b.ranAt.getTime() - a.ranAt.getTime() || a.id.localeCompare(b.id));
}
