import { StatusBadge, type Tone } from '@/app/_components/status-badge';
import { RESULT_WORDS } from '@/lib/drill-report/describe-report-values';
import type { DrillResult } from '@/lib/domain/drill-criteria';

const TONE: Record<DrillResult, Tone> = { passed: 'good', failed: 'bad', open: 'warn' };

/** A drill's verdict, the same on every page: passed, failed, or open while something is not known yet. */
export function DrillResultBadge({ result, testId }: { result: DrillResult; testId?: string }) {
  return (
    <span data-testid={testId} data-result={result}>
      <StatusBadge tone={TONE[result]} label={RESULT_WORDS[result]} />
    </span>
  );
}
