import { TriangleAlert } from 'lucide-react';
import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge } from '@/app/_components/status-badge';
import type { CollectionOverview, DataLossView, ReplicationOverview } from '@/lib/replication/replication-overview';
import { formatDuration } from '../_status/format-duration';
import { formatBytes, formatCount } from './format';
import { dataLossTone } from './tones';

/** How much of the RPO the data-loss window uses, as a bar; the words beside it say the same. */
function LossBar({ loss }: { loss: DataLossView }) {
  const share = loss.seconds === null ? 1 : Math.min(1, loss.seconds / Math.max(1, loss.objectiveSeconds));
  const colour = loss.withinObjective === true ? (share > 0.75 ? 'bg-amber-400' : 'bg-emerald-400') : 'bg-rose-500';
  return (
    <div aria-hidden className="mt-3 h-1.5 w-full overflow-hidden rounded-full bg-slate-800">
      <div className={`h-full ${colour}`} style={{ width: `${Math.max(2, share * 100)}%` }} />
    </div>
  );
}

function Card({ title, loss, unknownLabel, testId, children }: { title: string; loss: DataLossView; unknownLabel: string; testId: string; children: React.ReactNode }) {
  const { tone, label } = dataLossTone(loss, unknownLabel);
  return (
    <article data-testid={testId} data-within={String(loss.withinObjective)} className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="font-semibold">{title}</h3>
        <StatusBadge tone={tone} label={label} />
      </div>
      <p className="mt-2">
        <span className="text-3xl font-semibold tracking-tight">{loss.seconds === null ? 'unknown' : formatDuration(loss.seconds)}</span>
        <span className="ml-2 text-sm text-slate-400">of {formatDuration(loss.objectiveSeconds)} RPO objective</span>
      </p>
      <LossBar loss={loss} />
      <div className="mt-3 space-y-1 text-sm text-slate-300">{children}</div>
    </article>
  );
}

function failedSince(attempt: CollectionOverview['latestRestoreAttempt'], since: string | null) {
  return attempt && attempt.state === 'failed' && (since === null || Date.parse(attempt.startedAt) > Date.parse(since)) ? attempt : null;
}

function CollectionCard({ collection, secondary, nextRestoreAt }: { collection: CollectionOverview; secondary: string; nextRestoreAt: string | null }) {
  const { restored, dataLoss } = collection;
  const failed = failedSince(collection.latestRestoreAttempt, restored?.restoredAt ?? null);
  const newestInBlob = collection.blob.ok ? collection.blob.newest : null;
  return (
    <Card title={`Qdrant · ${collection.collection}`} loss={dataLoss} unknownLabel="Nothing restored" testId={`data-loss-${collection.collection}`}>
      {restored ? (
        <>
          <p>
            The secondary ({secondary}) holds data up to <strong className="font-semibold text-slate-100">{formatDuration(dataLoss.seconds)} ago</strong>: a failover now would lose what was written since.
          </p>
          <p className="text-xs text-slate-400">
            Snapshot taken <RelativeTime iso={restored.snapshotCreatedAt} />, restored <RelativeTime iso={restored.restoredAt} /> · {formatCount(restored.points, 'point')}
          </p>
        </>
      ) : (
        <p>The secondary ({secondary}) has not restored a snapshot of this collection yet: a failover now would start without its data.</p>
      )}
      {collection.standbyBehindBlob && newestInBlob && (
        <p className="text-xs text-sky-300">
          Blob holds {restored ? 'a newer' : 'a'} verified snapshot (taken <RelativeTime iso={newestInBlob.snapshotCreatedAt} />, {formatBytes(newestInBlob.size)}); the next restore
          {nextRestoreAt && (
            <>
              {' '}
              (<RelativeTime iso={nextRestoreAt} />)
            </>
          )}{' '}
          {restored ? 'brings the standby up to it' : 'loads it into the standby'}.
        </p>
      )}
      {failed && (
        <p className="flex items-start gap-1.5 text-rose-300">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            The newest restore failed <RelativeTime iso={failed.startedAt} />: <span className="break-words">{failed.error}</span>
          </span>
        </p>
      )}
    </Card>
  );
}

function RedisCard({ redis }: { redis: ReplicationOverview['redis'] }) {
  const backup = redis.newestBackup;
  const failed = failedSince(redis.latestAttempts.backup, backup?.finishedAt ?? null);
  return (
    <Card title="Redis · cache" loss={redis.dataLoss} unknownLabel="No backup" testId="data-loss-redis">
      {backup ? (
        <p>
          Newest backup taken <RelativeTime iso={backup.takenAt} /> · {formatCount(backup.keys, 'key')} · {formatBytes(backup.bytes)}
        </p>
      ) : (
        <p>No Redis backup has been taken yet.</p>
      )}
      <p className="text-xs text-slate-400">
        {redis.newestVerify ? (
          <>
            Verified by a scratch restore <RelativeTime iso={redis.newestVerify.finishedAt} /> ({formatCount(redis.newestVerify.keys, 'key')})
          </>
        ) : (
          'No backup has been verified by a restore yet'
        )}
        {' · '}
        {redis.standbyRestore ? (
          <>
            secondary loaded <RelativeTime iso={redis.standbyRestore.finishedAt} />
          </>
        ) : (
          'secondary not loaded from a backup yet (the app can run without its cache)'
        )}
      </p>
      {failed && (
        <p className="flex items-start gap-1.5 text-rose-300">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            The newest backup failed <RelativeTime iso={failed.startedAt} />: <span className="break-words">{failed.error}</span>
          </span>
        </p>
      )}
    </Card>
  );
}

/** The answer first: per data set, how much a failover now would lose, against the RPO. */
export function DataLossSummary({ overview }: { overview: ReplicationOverview }) {
  const nextRestoreAt = overview.jobs.find((job) => job.job === 'qdrant-restore')?.nextRunAt ?? null;
  return (
    <section aria-labelledby="data-loss-heading">
      <h2 id="data-loss-heading" className="mb-3 text-lg font-semibold">
        Data a failover now would lose
      </h2>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {overview.collections.map((collection) => (
          <CollectionCard key={collection.collection} collection={collection} secondary={overview.regions.secondary.label} nextRestoreAt={nextRestoreAt} />
        ))}
        <RedisCard redis={overview.redis} />
      </div>
    </section>
  );
}
