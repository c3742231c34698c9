import { StatusBadge, type Tone } from '@/app/_components/status-badge';
import { RESULT_WORDS } from '@/lib/drill-report/describe-report-values';
import type { DrillResult } from '@/lib/domain/drill-criteria';

const TONE: Record<DrillResult, Tone> = { passed: 'good', failed: 'bad', open: 'unknown' };

/** The drill's verdict: passed, failed, or open while something is not known yet. */
export function ResultBadge({ result }: { result: DrillResult }) {
  return (
    <span data-testid="report-result" data-result={result}>
      <StatusBadge tone={TONE[result]} label={RESULT_WORDS[result]} />
    </span>
  );
}
