import { LoaderCircle } from 'lucide-react';
import { StatusBadge } from '@/app/_components/status-badge';
import type { ReplicationRunState } from '@/lib/db/replication/replication-run';

/** Colour, icon and word, as every status in the app; a running job spins. */
export function RunStateBadge({ state }: { state: ReplicationRunState }) {
  if (state === 'succeeded') return <StatusBadge tone="good" label="Succeeded" />;
  if (state === 'failed') return <StatusBadge tone="bad" label="Failed" />;
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border border-sky-500/40 bg-sky-500/10 px-2.5 py-0.5 text-sm font-medium text-sky-300">
      <LoaderCircle aria-hidden className="size-4 animate-spin motion-reduce:animate-none" />
      Running
    </span>
  );
}
