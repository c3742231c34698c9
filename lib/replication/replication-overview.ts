import type { ReplicationRunState } from '@/lib/db/replication/replication-run';
import type { ManualReplicationJob } from '@/lib/jobs/request-replication-run';

/** The Replication page's one JSON document (`GET /api/replication`): times are ISO strings, sizes bytes. */
export type ReplicationOverview = {
  generatedAt: string;
  regions: { primary: RegionView; secondary: RegionView };
  rpoObjectiveSeconds: number;
  retentionDays: { qdrant: number; redis: number };
  collections: CollectionOverview[];
  redis: RedisOverview;
  jobs: JobOverview[];
  /** Per job its newest runs (up to 50 each), newest first overall. */
  runs: RunView[];
};

export type RegionView = { name: string; label: string };

/** One run as the history shows it; throughput is bytes over the whole run. */
export type RunView = {
  id: string;
  job: string;
  target: string;
  region: string;
  trigger: string;
  requestedBy: string | null;
  state: ReplicationRunState;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  bytes: number | null;
  throughputMBps: number | null;
  error: string | null;
  /** What the run produced, in words: snapshot name, points, keys… */
  facts: string[];
};

/** The newest attempt of a job on one target, whatever its outcome. */
export type AttemptView = { runId: string; state: ReplicationRunState; startedAt: string; finishedAt: string | null; error: string | null };

/** Data a failover now would lose (now − the time the standby's data was taken), against the RPO. */
export type DataLossView = { seconds: number | null; objectiveSeconds: number; withinObjective: boolean | null; basis: string; dataFrom: string | null };

export type BlobSnapshotView = { snapshotName: string; blobName: string; snapshotCreatedAt: string; uploadedAt: string; points: number; size: number; sha256: string };

export type CollectionOverview = {
  collection: string;
  /** Read from Blob itself (cached for seconds): Blob can be down while the database is fine. */
  blob: { ok: true; checkedAt: string; newest: BlobSnapshotView | null } | { ok: false; checkedAt: string; error: string };
  /** The newest successful snapshot run recorded in the database (shown when Blob cannot be read). */
  newestSnapshotRun: { runId: string; finishedAt: string; snapshotName: string | null; snapshotCreatedAt: string | null; points: number | null; bytes: number | null } | null;
  /** What the secondary Qdrant holds: the newest successful restore. */
  restored: { runId: string; restoredAt: string; snapshotName: string; snapshotCreatedAt: string; points: number | null } | null;
  latestSnapshotAttempt: AttemptView | null;
  latestRestoreAttempt: AttemptView | null;
  /** True when Blob holds a newer verified snapshot than the secondary restored; null when unknown. */
  standbyBehindBlob: boolean | null;
  dataLoss: DataLossView;
};

export type RedisOverview = {
  newestBackup: { runId: string; takenAt: string; finishedAt: string; bytes: number | null; keys: number | null; blob: string | null } | null;
  newestVerify: { runId: string; finishedAt: string; keys: number | null; blob: string | null; backupTakenAt: string | null } | null;
  /** What the secondary Redis was last restored from, if any restore has run. */
  standbyRestore: { runId: string; finishedAt: string; blob: string | null; keys: number | null; backupTakenAt: string | null } | null;
  latestAttempts: { backup: AttemptView | null; verify: AttemptView | null; restore: AttemptView | null };
  /** As on the status board: now − the newest backup. */
  dataLoss: DataLossView;
};

export type JobOverview = {
  job: ManualReplicationJob;
  /** Its cron (UTC) from `schedules`, or null when it runs only on request. */
  schedule: string | null;
  nextRunAt: string | null;
  latest: AttemptView | null;
};
