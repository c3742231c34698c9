import { describeDuration } from '@/lib/domain/describe-duration';
import { drillResult, type DrillVerdict } from '@/lib/domain/drill-criteria';

/** A drill's result in words: passed, failed or open (not everything is measured or confirmed yet). */
export const describeVerdict = (verdict: DrillVerdict): string => drillResult(verdict);

export const verdictClass = (verdict: DrillVerdict) =>
  verdict.passed === true ? 'text-emerald-300' : verdict.passed === false ? 'text-rose-300' : 'text-slate-300';

export const measured = (seconds: number | null | undefined) => (seconds === null || seconds === undefined ? '—' : describeDuration(seconds));

