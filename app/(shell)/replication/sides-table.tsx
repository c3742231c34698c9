import { CloudOff } from 'lucide-react';
import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge } from '@/app/_components/status-badge';
import type { CollectionOverview, ReplicationOverview } from '@/lib/replication/replication-overview';
import { formatBytes, formatCount } from './format';

function BlobCell({ collection }: { collection: CollectionOverview }) {
  const { blob, newestSnapshotRun } = collection;
  if (!blob.ok) {
    return (
      <div data-testid="blob-error" className="space-y-1">
        <p className="flex items-start gap-1.5 text-rose-300">
          <CloudOff aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            Blob could not be read (<RelativeTime iso={blob.checkedAt} />): <span className="break-words">{blob.error}</span>
          </span>
        </p>
        {newestSnapshotRun && (
          <p className="text-xs text-slate-400">
            Newest snapshot recorded by a run: <span className="font-mono">{newestSnapshotRun.snapshotName ?? 'unnamed'}</span>, finished <RelativeTime iso={newestSnapshotRun.finishedAt} />
          </p>
        )}
      </div>
    );
  }
  if (!blob.newest) return <p className="text-slate-400">No verified snapshot in Blob yet.</p>;
  const s = blob.newest;
  return (
    <div className="space-y-0.5">
      <p className="break-all font-mono text-xs text-slate-200" title={`sha256 ${s.sha256}`} data-testid="newest-snapshot-name">
        {s.snapshotName}
      </p>
      <p>
        taken <RelativeTime iso={s.snapshotCreatedAt} /> · {formatCount(s.points, 'point')} · {formatBytes(s.size)}
      </p>
    </div>
  );
}

function RestoredCell({ collection }: { collection: CollectionOverview }) {
  const r = collection.restored;
  if (!r) return <p className="text-slate-400">Nothing restored yet.</p>;
  return (
    <div className="space-y-0.5">
      <p className="break-all font-mono text-xs text-slate-200">{r.snapshotName}</p>
      <p>
        taken <RelativeTime iso={r.snapshotCreatedAt} /> · {formatCount(r.points, 'point')}
      </p>
      <p className="text-xs text-slate-400">
        restored <RelativeTime iso={r.restoredAt} />
      </p>
    </div>
  );
}

function Alignment({ collection }: { collection: CollectionOverview }) {
  if (collection.standbyBehindBlob === null) return <StatusBadge tone="unknown" label="Unknown" />;
  if (collection.restored === null) return <StatusBadge tone="bad" label="Not restored" />;
  return collection.standbyBehindBlob ? <StatusBadge tone="warn" label="Behind Blob" /> : <StatusBadge tone="good" label="Up to date" />;
}

/** Per collection, the primary side (the newest verified snapshot in Blob) against what the secondary restored. */
export function SidesTable({ overview }: { overview: ReplicationOverview }) {
  const { primary, secondary } = overview.regions;
  return (
    <section aria-labelledby="sides-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="sides-heading" className="text-lg font-semibold">
        Qdrant snapshots on each side
      </h2>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="sides-table">
          <caption className="sr-only">Per collection: the newest verified snapshot in Blob, and the snapshot the secondary restored</caption>
          <thead className="text-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">Collection</th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Newest verified in Blob <span className="font-normal">(from {primary.label})</span>
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Restored in {secondary.label} <span className="font-normal">(secondary)</span>
              </th>
              <th scope="col" className="py-2 font-medium">Standby</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-800 align-top">
            {overview.collections.map((collection) => (
              <tr key={collection.collection} data-testid={`sides-${collection.collection}`}>
                <th scope="row" className="py-3 pr-4 font-medium">
                  {collection.collection}
                </th>
                <td className="py-3 pr-4">
                  <BlobCell collection={collection} />
                </td>
                <td className="py-3 pr-4">
                  <RestoredCell collection={collection} />
                </td>
                <td className="py-3">
                  <Alignment collection={collection} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
