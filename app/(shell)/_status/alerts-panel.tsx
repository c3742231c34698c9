import Link from 'next/link';
import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge } from '@/app/_components/status-badge';
import type { StatusSnapshot } from '@/lib/status/status-snapshot';
import { SEVERITY } from './status-tones';

/** The page that deals with a firing rule, where there is one. */
const ALERT_ACTIONS: Partial<Record<string, { href: string; label: string }>> = { 'drill-overdue': { href: '/drills', label: 'Schedule a drill' } };

/** What is firing now, then what resolved recently. */
export function AlertsPanel({ alerts }: { alerts: StatusSnapshot['alerts'] }) {
  return (
    <section aria-labelledby="alerts-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="alerts-heading" className="text-lg font-semibold">
        Alerts <span className="text-sm font-normal text-slate-400">({alerts.firing.length} firing)</span>
      </h2>
      {alerts.firing.length === 0 ? (
        <p className="mt-2 text-sm text-slate-300" data-testid="no-firing-alerts">
          <StatusBadge tone="good" label="None firing" />
        </p>
      ) : (
        <ul className="mt-3 space-y-2" data-testid="firing-alerts">
          {alerts.firing.map((alert) => (
            <li key={alert.id} data-testid="firing-alert" data-rule={alert.rule} className="flex flex-wrap items-center gap-2 rounded-md border border-slate-800 bg-slate-950/60 p-2.5 text-sm">
              <StatusBadge tone={SEVERITY[alert.severity]} label={alert.severity} />
              <span className="font-medium">{alert.title}</span>
              {ALERT_ACTIONS[alert.rule] && (
                <Link href={ALERT_ACTIONS[alert.rule]?.href ?? '/'} data-testid={`${alert.rule}-link`} className="text-sky-300 underline-offset-2 hover:underline">
                  {ALERT_ACTIONS[alert.rule]?.label}
                </Link>
              )}
              <span className="text-slate-400">
                firing since <RelativeTime iso={alert.firedAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {alerts.recentlyResolved.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-300">Recently resolved</h3>
          <ul className="mt-2 space-y-1 text-sm text-slate-300" data-testid="resolved-alerts">
            {alerts.recentlyResolved.map((alert) => (
              <li key={alert.id} data-rule={alert.rule}>
                <span className="font-mono text-xs">{alert.severity}</span> {alert.title} · fired <RelativeTime iso={alert.firedAt} />
                {alert.resolvedAt && (
                  <>
                    , resolved <RelativeTime iso={alert.resolvedAt} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
