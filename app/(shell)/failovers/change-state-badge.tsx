import { Ban, CircleCheck, CircleSlash, CircleX, FilePen, Hourglass, LoaderCircle, ShieldCheck, TimerOff, type LucideIcon } from 'lucide-react';
import type { ChangeState } from '@/lib/domain/approval-rules';

const TONE = {
  neutral: 'border-slate-500/40 bg-slate-500/10 text-slate-300',
  wait: 'border-amber-500/40 bg-amber-500/10 text-amber-300',
  good: 'border-emerald-500/40 bg-emerald-500/10 text-emerald-300',
  busy: 'border-sky-500/40 bg-sky-500/10 text-sky-300',
  bad: 'border-rose-500/40 bg-rose-500/10 text-rose-300',
};

export const CHANGE_STATE: Record<ChangeState, { label: string; Icon: LucideIcon; tone: keyof typeof TONE }> = {
  draft: { label: 'Draft', Icon: FilePen, tone: 'neutral' },
  pending: { label: 'Pending approval', Icon: Hourglass, tone: 'wait' },
  approved: { label: 'Approved', Icon: ShieldCheck, tone: 'good' },
  executing: { label: 'Executing', Icon: LoaderCircle, tone: 'busy' },
  done: { label: 'Done', Icon: CircleCheck, tone: 'good' },
  failed: { label: 'Failed', Icon: CircleX, tone: 'bad' },
  denied: { label: 'Denied', Icon: Ban, tone: 'bad' },
  expired: { label: 'Expired', Icon: TimerOff, tone: 'neutral' },
  cancelled: { label: 'Cancelled', Icon: CircleSlash, tone: 'neutral' },
};

/** Colour, icon and word, as every status in the app; an executing request spins. */
export function ChangeStateBadge({ state }: { state: ChangeState }) {
  const { label, Icon, tone } = CHANGE_STATE[state];
  return (
    <span data-testid="change-state" data-state={state} className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-2.5 py-0.5 text-sm font-medium ${TONE[tone]}`}>
      <Icon aria-hidden className={`size-4 ${state === 'executing' ? 'animate-spin motion-reduce:animate-none' : ''}`} />
      {label}
    </span>
  );
}
