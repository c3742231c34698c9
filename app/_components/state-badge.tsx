import type { LucideIcon } from 'lucide-react';

export const TONE = {
  neutral: 'border-slate-500/40 bg-slate-500/10 text-slate-300',
  busy: 'border-sky-500/40 bg-sky-500/10 text-sky-300',
  good: 'border-emerald-500/40 bg-emerald-500/10 text-emerald-300',
  warn: 'border-amber-500/40 bg-amber-500/10 text-amber-300',
  bad: 'border-rose-500/40 bg-rose-500/10 text-rose-300',
};

/** How one state looks: its word, its icon and its colour. */
export type StateLook = { label: string; Icon: LucideIcon; tone: keyof typeof TONE };

/** Colour, icon and word, as every status in the app; a busy state spins (unless the reader asked for less motion). */
export function StateBadge({ look, spin, testId, state }: { look: StateLook; spin: boolean; testId?: string; state?: string }) {
  const { label, Icon, tone } = look;
  return (
    <span data-testid={testId} data-state={state} className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-2.5 py-0.5 text-sm font-medium ${TONE[tone]}`}>
      <Icon aria-hidden className={`size-4 ${spin ? 'animate-spin motion-reduce:animate-none' : ''}`} />
      {label}
    </span>
  );
}
