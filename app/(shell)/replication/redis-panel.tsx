import { RelativeTime } from '@/app/_components/relative-time';
import type { AttemptView, ReplicationOverview } from '@/lib/replication/replication-overview';
import { formatBytes, formatCount } from './format';
import { RunStateBadge } from './run-state-badge';

function Latest({ attempt }: { attempt: AttemptView | null }) {
  if (!attempt) return <span className="text-slate-400">never run</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <RunStateBadge state={attempt.state} />
      <span className="text-xs text-slate-400">
        latest run <RelativeTime iso={attempt.startedAt} />
      </span>
    </span>
  );
}

/** The primary's backups in Blob, their proof by restore, and what the secondary Redis was loaded from. */
export function RedisPanel({ overview }: { overview: ReplicationOverview }) {
  const { redis, regions } = overview;
  const { newestBackup: backup, newestVerify: verify, standbyRestore: restore } = redis;
  return (
    <section aria-labelledby="redis-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="redis-heading" className="text-lg font-semibold">
        Redis backups
      </h2>
      <dl className="mt-3 grid gap-4 text-sm md:grid-cols-3" data-testid="redis-panel">
        <div className="space-y-1">
          <dt className="text-xs uppercase tracking-wide text-slate-400">Newest backup of {regions.primary.label}</dt>
          <dd>
            {backup ? (
              <>
                taken <RelativeTime iso={backup.takenAt} /> · {formatCount(backup.keys, 'key')} · {formatBytes(backup.bytes)}
                {backup.blob && <span className="block break-all font-mono text-xs text-slate-400">{backup.blob}</span>}
              </>
            ) : (
              <span className="text-slate-400">none yet</span>
            )}
          </dd>
          <dd>
            <Latest attempt={redis.latestAttempts.backup} />
          </dd>
        </div>
        <div className="space-y-1">
          <dt className="text-xs uppercase tracking-wide text-slate-400">Newest verified by a scratch restore</dt>
          <dd>
            {verify ? (
              <>
                verified <RelativeTime iso={verify.finishedAt} /> · {formatCount(verify.keys, 'key')}
                {verify.backupTakenAt && (
                  <span className="block text-xs text-slate-400">
                    backup taken <RelativeTime iso={verify.backupTakenAt} />
                  </span>
                )}
              </>
            ) : (
              <span className="text-slate-400">none yet</span>
            )}
          </dd>
          <dd>
            <Latest attempt={redis.latestAttempts.verify} />
          </dd>
        </div>
        <div className="space-y-1">
          <dt className="text-xs uppercase tracking-wide text-slate-400">Loaded into {regions.secondary.label} (secondary)</dt>
          <dd>
            {restore ? (
              <>
                loaded <RelativeTime iso={restore.finishedAt} /> · {formatCount(restore.keys, 'key')}
                {restore.backupTakenAt && (
                  <span className="block text-xs text-slate-400">
                    from the backup taken <RelativeTime iso={restore.backupTakenAt} />
                  </span>
                )}
              </>
            ) : (
              <span className="text-slate-400">not loaded from a backup yet</span>
            )}
          </dd>
          <dd>
            <Latest attempt={redis.latestAttempts.restore} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
