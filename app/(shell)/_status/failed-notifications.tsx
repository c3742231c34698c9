import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge } from '@/app/_components/status-badge';
import type { FailedNotificationView } from '@/lib/status/status-snapshot';

/** A notification that did not arrive is shown, never dropped silently. */
export function FailedNotifications({ failed }: { failed: FailedNotificationView[] }) {
  return (
    <section aria-labelledby="notifications-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="notifications-heading" className="text-lg font-semibold">
        Failed notifications
      </h2>
      {failed.length === 0 ? (
        <p className="mt-2 text-sm">
          <StatusBadge tone="good" label="None failed" />
        </p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="failed-notifications">
            <caption className="sr-only">Notifications that could not be delivered</caption>
            <thead className="text-slate-400">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Alert</th>
                <th scope="col" className="py-2 pr-3 font-medium">Target</th>
                <th scope="col" className="py-2 pr-3 font-medium">State</th>
                <th scope="col" className="py-2 pr-3 font-medium">Attempts</th>
                <th scope="col" className="py-2 pr-3 font-medium">Last error</th>
                <th scope="col" className="py-2 font-medium">Created</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-800">
              {failed.map((notification) => (
                <tr key={notification.id}>
                  <td className="py-2 pr-3">
                    {notification.alertTitle} <span className="text-slate-400">({notification.event})</span>
                  </td>
                  <td className="py-2 pr-3">
                    {notification.target} <span className="text-slate-400">({notification.kind})</span>
                  </td>
                  <td className="py-2 pr-3">
                    <StatusBadge tone={notification.status === 'failed' ? 'bad' : 'warn'} label={notification.status === 'failed' ? 'Failed' : `Retrying (${notification.status})`} />
                  </td>
                  <td className="py-2 pr-3">{notification.attempts}</td>
                  <td className="py-2 pr-3 font-mono text-xs text-rose-200">{notification.lastError ?? '—'}</td>
                  <td className="py-2">
                    <RelativeTime iso={notification.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
