import { StatusBadge } from '@/app/_components/status-badge';

/** Within the objective, over it, or not measured: never colour alone. */
export function ObjectiveBadge({ within }: { within: boolean | null }) {
  if (within === null) return <StatusBadge tone="unknown" label="Not measured" />;
  return within ? <StatusBadge tone="good" label="Within" /> : <StatusBadge tone="bad" label="Over" />;
}
