import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge } from '@/app/_components/status-badge';
import { readAuditMirrorStatus } from '@/lib/audit/read-audit-mirror-status';
import { getConfig } from '@/lib/config/get-config';
import { getDb } from '@/lib/db/client';

/** How far the append-only Blob copy of the log is behind the database. */
export async function MirrorStatus() {
  const status = await readAuditMirrorStatus(await getDb(), getConfig());
  const { stalled } = status;
  const tone = status.behind === 0 ? 'good' : stalled ? 'bad' : 'warn';
  const label = status.behind === 0 ? 'Up to date' : stalled ? `${status.behind.toLocaleString('en-US')} behind, not moving` : `${status.behind.toLocaleString('en-US')} behind`;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="mirror-status" data-behind={status.behind}>
      <StatusBadge tone={tone} label={label} />
      <span className="text-slate-300">
        {status.shipped ? (
          <>
            Holds events through #{status.shipped.seq}
            {status.shipped.at ? (
              <>
                {' '}
                (recorded <RelativeTime iso={status.shipped.at.toISOString()} />)
              </>
            ) : null}
            , last shipped <RelativeTime iso={status.shipped.recordedAt.toISOString()} /> to <code className="font-mono text-xs">{status.container}/{status.shipped.blobName}</code>
          </>
        ) : (
          <>Nothing shipped yet to container <code className="font-mono text-xs">{status.container}</code>.</>
        )}
        {status.head ? (
          <>
            {' '}
            · newest event #{status.head.seq}, <RelativeTime iso={status.head.at.toISOString()} />
          </>
        ) : null}
      </span>
    </div>
  );
}
