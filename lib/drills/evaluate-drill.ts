import type { DrillRecord } from '@/lib/db/drills/drill-record';
import { evaluateDrillCriteria, type DrillVerdict, type Objectives } from '@/lib/domain/drill-criteria';

/** A drill judged against the configured objectives from its run's measurements and its participants' confirmations. */
export function evaluateDrill(drill: Pick<DrillRecord, 'run' | 'participants'>, objectives: Objectives): DrillVerdict {
  return evaluateDrillCriteria({
    objectives: { rtoMinutes: objectives.rtoMinutes, rpoMinutes: objectives.rpoMinutes },
    run: drill.run,
    participants: drill.participants,
  });
}
