import { StatusBadge, type Tone } from '@/app/_components/status-badge';
import type { DrillResult } from '@/lib/metrics/judge-drill';

const RESULT: Record<DrillResult, { tone: Tone; label: string }> = {
  passed: { tone: 'good', label: 'Passed' },
  failed: { tone: 'bad', label: 'Failed' },
  open: { tone: 'warn', label: 'Open' },
};

export function ResultBadge({ result }: { result: DrillResult }) {
  return <StatusBadge {...RESULT[result]} />;
}

/** Within the objective, over it, or not measured: never colour alone. */
export function ObjectiveBadge({ within }: { within: boolean | null }) {
  if (within === null) return <StatusBadge tone="unknown" label="Not measured" />;
  return within ? <StatusBadge tone="good" label="Within" /> : <StatusBadge tone="bad" label="Over" />;
}
