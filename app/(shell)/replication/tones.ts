import type { Tone } from '@/app/_components/status-badge';
import type { DataLossView } from '@/lib/replication/replication-overview';

/** Within the RPO, over it, or not measurable (nothing restored: a failover would have nothing to start from). */
export function dataLossTone(loss: DataLossView, unknownLabel: string): { tone: Tone; label: string } {
  if (loss.withinObjective === true) return { tone: 'good', label: 'Within RPO' };
  if (loss.withinObjective === false) return { tone: 'bad', label: 'Over RPO' };
  return { tone: 'bad', label: unknownLabel };
}
