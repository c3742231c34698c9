import { TriangleAlert } from 'lucide-react';
import { RelativeTime } from '@/app/_components/relative-time';

/** Loud on purpose: a board that silently shows old data is worse than no board. */
export function StaleMarker({ probeStale, newestProbeAt, intervalSeconds, pollError, checkedAt }: { probeStale: boolean; newestProbeAt: string | null; intervalSeconds: number; pollError: string | null; checkedAt: string }) {
  if (!probeStale && !pollError) return null;
  return (
    <div role="alert" data-testid="stale-marker" className="flex items-start gap-3 rounded-lg border-2 border-amber-400 bg-amber-400/15 p-3 text-amber-100">
      <TriangleAlert aria-hidden className="mt-0.5 size-6 shrink-0 text-amber-300" />
      <div className="text-sm">
        <p className="text-base font-bold">STALE: this board may be out of date</p>
        {probeStale && (
          <p>
            The newest probe is {newestProbeAt ? <RelativeTime iso={newestProbeAt} /> : 'missing'}, older than two probe intervals ({intervalSeconds * 2} s). Is the leading worker probing?
          </p>
        )}
        {pollError && (
          <p>
            Could not refresh: {pollError} Showing the answer from <RelativeTime iso={checkedAt} />.
          </p>
        )}
      </div>
    </div>
  );
}
