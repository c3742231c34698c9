import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge, type Tone } from '@/app/_components/status-badge';
import type { Preflight, PreflightFinding } from '@/lib/db/approvals/change-request-record';
import { describeDataLoss } from '../change-copy';

const FINDING: Record<PreflightFinding['severity'], { tone: Tone; label: string }> = {
  blocker: { tone: 'bad', label: 'Blocker' },
  warning: { tone: 'warn', label: 'Warning' },
  info: { tone: 'unknown', label: 'Info' },
};
const READINESS: Record<string, { tone: Tone; label: string }> = {
  READY: { tone: 'good', label: 'READY' },
  DEGRADED: { tone: 'warn', label: 'DEGRADED' },
  NOT_READY: { tone: 'bad', label: 'NOT READY' },
};
const ORDER: PreflightFinding['severity'][] = ['blocker', 'warning', 'info'];

/** What was true when the plan was built: not part of the digest, so it says when it was measured. */
export function PreflightPanel({ preflight }: { preflight: Preflight }) {
  const findings = [...preflight.findings].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  const readiness = READINESS[preflight.readiness] ?? { tone: 'unknown' as const, label: preflight.readiness };
  return (
    <section aria-labelledby="preflight-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="preflight-heading" className="text-lg font-semibold">
        Pre-flight findings
      </h2>
      <p className="mt-1 text-sm text-slate-400">
        Measured <RelativeTime iso={preflight.at} /> from the status board&apos;s data; rebuilding the plan measures again.
      </p>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-400">Readiness</dt>
        <dd>
          <StatusBadge tone={readiness.tone} label={readiness.label} />
        </dd>
        <dt className="text-slate-400">Expected data loss</dt>
        <dd data-testid="expected-data-loss" className="font-medium">
          {describeDataLoss(preflight.expectedDataLossSeconds)}
        </dd>
        <dt className="text-slate-400">Serving region</dt>
        <dd>{preflight.servingRegion ?? 'unknown: no recent Front Door probe'}</dd>
        <dt className="text-slate-400">Open alerts</dt>
        <dd>
          {preflight.openAlerts.length === 0 ? (
            'none'
          ) : (
            <ul className="space-y-0.5">
              {preflight.openAlerts.map((alert) => (
                <li key={alert}>{alert}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <ul className="mt-3 space-y-2" data-testid="preflight-findings">
        {findings.map((finding, index) => (
          <li key={index} className="flex flex-wrap items-start gap-2 rounded-md border border-slate-800 bg-slate-950/60 p-2.5 text-sm">
            <StatusBadge tone={FINDING[finding.severity].tone} label={FINDING[finding.severity].label} />
            <span className="min-w-0 flex-1 pt-0.5">{finding.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
