import Link from 'next/link';
import { StatusBadge, type Tone } from '@/app/_components/status-badge';
import type { ControlResult, EvidenceStatus } from '@/lib/compliance/compliance-facts';
import { formatUtc } from '@/lib/domain/format-utc';

export const STATUS_TONE: Record<EvidenceStatus, { tone: Tone; label: string }> = {
  pass: { tone: 'good', label: 'Pass' },
  fail: { tone: 'bad', label: 'Fail' },
  unknown: { tone: 'unknown', label: 'Unknown' },
};

/** One control: its verdict, what it requires, and every evidence item with its own verdict and source. */
export function ControlCard({ control }: { control: ControlResult }) {
  const headingId = `control-${control.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-800 bg-slate-900 p-4" data-testid="compliance-control" data-control={control.id} data-status={control.status}>
      <h2 id={headingId} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        <span className="font-mono">{control.id}</span> {control.title} <StatusBadge {...STATUS_TONE[control.status]} />
      </h2>
      <p className="mt-1 text-sm text-slate-400">{control.requirement}</p>
      <p className="mt-2 text-sm text-slate-300" data-testid="control-summary">
        {control.summary}
      </p>
      <ul className="mt-3 space-y-2">
        {control.evidence.map((item) => (
          <li key={item.id} className="rounded-md border border-slate-800 bg-slate-950/60 p-2.5 text-sm" data-testid="evidence-item" data-evidence={item.id} data-status={item.status}>
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge {...STATUS_TONE[item.status]} />
              {item.href ? (
                <Link href={item.href} className="font-medium text-sky-300 underline-offset-2 hover:underline">
                  {item.label}
                </Link>
              ) : (
                <span className="font-medium">{item.label}</span>
              )}
              {item.observedAt && <span className="text-xs text-slate-400">observed {formatUtc(item.observedAt, true)}</span>}
            </div>
            <p className="mt-1 text-slate-300">{item.detail}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
