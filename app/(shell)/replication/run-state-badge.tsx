import { CircleCheck, CircleX, LoaderCircle } from 'lucide-react';
import { StateBadge, type StateLook } from '@/app/_components/state-badge';
import type { ReplicationRunState } from '@/lib/db/replication/replication-run';

const LOOK: Record<ReplicationRunState, StateLook> = {
  running: { label: 'Running', Icon: LoaderCircle, tone: 'busy' },
  succeeded: { label: 'Succeeded', Icon: CircleCheck, tone: 'good' },
  failed: { label: 'Failed', Icon: CircleX, tone: 'bad' },
};

/** A replication job's state; a running job spins. */
export function RunStateBadge({ state }: { state: ReplicationRunState }) {
  return <StateBadge look={LOOK[state]} spin={state === 'running'} />;
}
