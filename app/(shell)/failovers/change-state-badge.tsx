import { Ban, CircleCheck, CircleSlash, CircleX, FilePen, Hourglass, LoaderCircle, ShieldCheck, TimerOff } from 'lucide-react';
import { StateBadge, type StateLook } from '@/app/_components/state-badge';
import type { ChangeState } from '@/lib/domain/approval-rules';

export const CHANGE_STATE: Record<ChangeState, StateLook> = {
  draft: { label: 'Draft', Icon: FilePen, tone: 'neutral' },
  pending: { label: 'Pending approval', Icon: Hourglass, tone: 'warn' },
  approved: { label: 'Approved', Icon: ShieldCheck, tone: 'good' },
  executing: { label: 'Executing', Icon: LoaderCircle, tone: 'busy' },
  done: { label: 'Done', Icon: CircleCheck, tone: 'good' },
  failed: { label: 'Failed', Icon: CircleX, tone: 'bad' },
  denied: { label: 'Denied', Icon: Ban, tone: 'bad' },
  expired: { label: 'Expired', Icon: TimerOff, tone: 'neutral' },
  cancelled: { label: 'Cancelled', Icon: CircleSlash, tone: 'neutral' },
};

/** A request's state; an executing request spins. */
export function ChangeStateBadge({ state }: { state: ChangeState }) {
  return <StateBadge look={CHANGE_STATE[state]} spin={state === 'executing'} testId="change-state" state={state} />;
}
