import { CircleAlert, CircleCheck, CircleHelp, CircleX } from 'lucide-react';

export type Tone = 'good' | 'warn' | 'bad' | 'unknown';

const STYLE: Record<Tone, { className: string; Icon: typeof CircleCheck }> = {
  good: { className: 'border-emerald-500/40 bg-emerald-500/10 text-emerald-300', Icon: CircleCheck },
  warn: { className: 'border-amber-500/40 bg-amber-500/10 text-amber-300', Icon: CircleAlert },
  bad: { className: 'border-rose-500/40 bg-rose-500/10 text-rose-300', Icon: CircleX },
  unknown: { className: 'border-slate-500/40 bg-slate-500/10 text-slate-300', Icon: CircleHelp },
};

/** Status is never colour alone: colour, icon and word together. */
export function StatusBadge({ tone, label }: { tone: Tone; label: string }) {
  const { className, Icon } = STYLE[tone];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-sm font-medium ${className}`}>
      <Icon aria-hidden className="size-4" />
      {label}
    </span>
  );
}
