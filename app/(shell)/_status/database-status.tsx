import { StatusBadge } from '@/app/_components/status-badge';

/** The board's own source: reachable with its round trip, or unreachable when the last poll said so. */
export function DatabaseStatus({ latencyMs, unreachable }: { latencyMs: number; unreachable: boolean }) {
  return (
    <section aria-labelledby="database-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="database-heading" className="text-lg font-semibold">
        Database
      </h2>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-300" data-testid="database-status">
        {unreachable ? (
          <StatusBadge tone="bad" label="Unreachable" />
        ) : (
          <>
            <StatusBadge tone="good" label="Reachable" />
            <span>round trip {latencyMs} ms when the board was composed</span>
          </>
        )}
      </p>
    </section>
  );
}
