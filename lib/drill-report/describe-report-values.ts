import { describeDuration } from '@/lib/domain/describe-duration';
import type { DrillResult } from '@/lib/domain/drill-criteria';

// Shared words of the report page and the PDF, so both say the same thing.

export const RESULT_WORDS: Record<DrillResult, string> = { passed: 'Passed', failed: 'Failed', open: 'Open' };

/** `passed` of a criterion in a word: null means not known yet. */
export function describeCriterionOutcome(passed: boolean | null): string {
  return passed === true ? 'PASS' : passed === false ? 'FAIL' : 'OPEN';
}

/** A measured value against its objective: "20 min (1230 s), objective 240 min: within". */
export function describeMeasured(seconds: number | null, objectiveSeconds: number): string {
  const objective = `objective ${describeDuration(objectiveSeconds)}`;
  if (seconds === null) return `not measured (${objective})`;
  return `${describeDuration(seconds)} (${seconds} s), ${objective}: ${seconds <= objectiveSeconds ? 'within' : 'beyond'}`;
}

/** A UTC timestamp as a reader writes it: 2026-11-20 02:00:05 UTC. */
export function describeUtc(iso: string | null): string {
  return iso === null ? '-' : `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
