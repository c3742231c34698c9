import { readCronExpression } from '@/lib/config/cron-expression';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { listRecentRunsPerJob } from '@/lib/db/replication/list-recent-runs-per-job';
import { newestSucceededRunsByTarget } from '@/lib/db/replication/newest-succeeded-runs-by-target';
import type { ReplicationRun } from '@/lib/db/replication/replication-run';
import { measureRpo } from '@/lib/domain/measure-rpo';
import { measureThroughputMBps } from '@/lib/domain/measure-throughput';
import { nextCronRun } from '@/lib/domain/next-cron-run';
import type { DataSetRpo } from '@/lib/domain/readiness-types';
import { MANUAL_REPLICATION_JOBS, type ManualReplicationJob } from '@/lib/jobs/request-replication-run';
import { verifiedSnapshotsFromRuns, type VerifiedSnapshotsReading } from './verified-snapshots-from-runs';
import type { AttemptView, BlobSnapshotView, CollectionOverview, DataLossView, JobOverview, RedisOverview, ReplicationOverview, RunView } from './replication-overview';

export const RUNS_PER_JOB = 50;

export type ReadReplicationOverviewOptions = {
  now?: Date;
  /** Blob's side; by default what the snapshot runs recorded (pages never call Blob itself). */
  readBlob?: (config: LifeboatConfig, changedAt: Date | null) => Promise<VerifiedSnapshotsReading>;
};

// A job's cron under `schedules`; the later names are the ones a schedule added for it would take.
const SCHEDULE_KEYS: Record<ManualReplicationJob, readonly string[]> = {
  'qdrant-snapshot': ['qdrantSnapshot'],
  'qdrant-restore': ['snapshotRestore', 'qdrantRestore'],
  'redis-backup': ['redisBackup'],
  'redis-verify': ['redisVerify'],
  'redis-restore': ['redisRestore'],
  retention: ['retention'],
};

function field(details: unknown, key: string): unknown {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return undefined;
  return (details as Record<string, unknown>)[key];
}
const text = (details: unknown, key: string): string | null => {
  const value = field(details, key);
  return typeof value === 'string' && value !== '' ? value : null;
};
const count = (details: unknown, key: string): number | null => {
  const value = field(details, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};
const iso = (date: Date | null) => (date ? date.toISOString() : null);
const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** What a run produced, in words, from the details its pipeline recorded. */
function factsOf(run: ReplicationRun): string[] {
  const d = run.details;
  const facts: string[] = [];
  const snapshot = text(d, 'snapshotName');
  if (snapshot) facts.push(`snapshot ${snapshot}`);
  const points = count(d, 'points');
  const previous = count(d, 'previousPoints');
  if (points !== null) facts.push(previous !== null && previous !== points ? `${plural(points, 'point')} (was ${previous.toLocaleString('en-US')})` : plural(points, 'point'));
  const keys = count(d, 'keys');
  const previousKeys = count(d, 'previousKeys');
  if (keys !== null) facts.push(previousKeys !== null && previousKeys !== keys ? `${plural(keys, 'key')} (was ${previousKeys.toLocaleString('en-US')})` : plural(keys, 'key'));
  const blob = text(d, 'blob');
  if (blob) facts.push(`blob ${blob}`);
  // Retention: the names it deleted, and how many it kept.
  const deleted = field(d, 'deleted');
  if (Array.isArray(deleted)) facts.push(`${plural(deleted.length, 'blob')} deleted`);
  const kept = count(d, 'kept');
  if (kept !== null) facts.push(`${kept.toLocaleString('en-US')} kept`);
  return facts;
}

function toRunView(run: ReplicationRun): RunView {
  return {
    id: run.id,
    job: run.job,
    target: run.target,
    region: run.region,
    trigger: run.trigger,
    requestedBy: run.requestedBy,
    state: run.state,
    startedAt: run.startedAt.toISOString(),
    finishedAt: iso(run.finishedAt),
    durationMs: run.durationMs,
    bytes: run.bytes,
    // Retention's bytes are what it deleted: a rate of that would mean nothing.
    throughputMBps: run.job === 'retention' ? null : measureThroughputMBps(run.bytes, run.durationMs),
    error: run.error,
    facts: factsOf(run),
  };
}

const toAttempt = (run: ReplicationRun | undefined): AttemptView | null =>
  run ? { runId: run.id, state: run.state, startedAt: run.startedAt.toISOString(), finishedAt: iso(run.finishedAt), error: run.error } : null;

function toDataLoss(set: DataSetRpo | undefined, objectiveSeconds: number, dataFrom: Date | null): DataLossView {
  return { seconds: set?.rpoSeconds ?? null, objectiveSeconds, withinObjective: set?.withinObjective ?? null, basis: set?.basis ?? 'not measured', dataFrom: iso(dataFrom) };
}

function scheduleOf(config: LifeboatConfig, job: ManualReplicationJob): string | null {
  const schedules = config.schedules as Record<string, unknown>;
  for (const key of SCHEDULE_KEYS[job]) {
    const value = schedules[key];
    if (typeof value === 'string') return value;
  }
  return null;
}

function nextRunOf(schedule: string | null, now: Date): string | null {
  if (schedule === null) return null;
  const reading = readCronExpression(schedule);
  return reading.ok ? iso(nextCronRun(reading.schedule, now)) : null;
}

function blobSnapshotView(reading: VerifiedSnapshotsReading, collection: string): CollectionOverview['blob'] {
  if (!reading.ok) return { ok: false, checkedAt: reading.checkedAt.toISOString(), error: reading.error };
  const manifest = reading.snapshots.get(collection);
  const newest: BlobSnapshotView | null = manifest
    ? { snapshotName: manifest.snapshotName, blobName: manifest.blobName, snapshotCreatedAt: manifest.snapshotCreatedAt, uploadedAt: manifest.uploadedAt, points: manifest.pointsCount, size: manifest.size, sha256: manifest.sha256 }
    : null;
  return { ok: true, checkedAt: reading.checkedAt.toISOString(), newest };
}

/**
 * Everything the Replication page shows: per collection the newest verified snapshot in Blob, what
 * the secondary restored and the data a failover would lose now; Redis backups; each job's schedule
 * and recent runs. All from the database (lib/db): what Blob holds is what the snapshot runs recorded there.
 */
export async function readReplicationOverview(db: Db, config: LifeboatConfig, options: ReadReplicationOverviewOptions = {}): Promise<ReplicationOverview> {
  const now = options.now ?? new Date();
  const collections = config.components.qdrant.primary.collections;
  const [runs, snapshots, restores, backups, verifies, redisRestores] = await Promise.all([
    listRecentRunsPerJob(db, MANUAL_REPLICATION_JOBS, RUNS_PER_JOB),
    newestSucceededRunsByTarget(db, 'qdrant-snapshot'),
    newestSucceededRunsByTarget(db, 'qdrant-restore'),
    newestSucceededRunsByTarget(db, 'redis-backup'),
    newestSucceededRunsByTarget(db, 'redis-verify'),
    newestSucceededRunsByTarget(db, 'redis-restore'),
  ]);
  runs.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || Number(BigInt(b.id) - BigInt(a.id)));
  // Snapshot and retention runs change what Blob holds: a listing older than the newest of them is re-read.
  const blobChangedAt = runs.filter((run) => (run.job === 'qdrant-snapshot' || run.job === 'retention') && run.finishedAt !== null).reduce<Date | null>((max, run) => (run.finishedAt && (!max || run.finishedAt > max) ? run.finishedAt : max), null);
  const blob = options.readBlob ? await options.readBlob(config, blobChangedAt) : verifiedSnapshotsFromRuns(snapshots, config.regions.primary.name, now);
  const newestAttempt = (job: string, target?: string) => runs.find((run) => run.job === job && (target === undefined || run.target === target));

  const restoreOf = (collection: string) => {
    const run = restores.find((r) => r.target === collection);
    const name = run ? text(run.details, 'snapshotName') : null;
    const created = run ? text(run.details, 'snapshotCreatedAt') : null;
    return run && run.finishedAt && name && created ? { run, finishedAt: run.finishedAt, name, created: new Date(created) } : null;
  };
  // Redis: the same measure as the board (measureRpo), from the newest backup run's start.
  const newestBackup = backups.reduce<ReplicationRun | undefined>((newest, run) => (!newest || run.startedAt > newest.startedAt ? run : newest), undefined);
  const rpoMinutes = config.objectives.rpoMinutes;
  const objectiveSeconds = rpoMinutes * 60;
  const rpo = measureRpo({
    latest: [],
    replication: { qdrant: collections.map((collection) => ({ collection, restoredSnapshotCreatedAt: restoreOf(collection)?.created ?? null })), redisNewestBackupAt: newestBackup?.startedAt ?? null },
    rpoMinutes,
    now,
  });
  const rpoOf = (id: string) => rpo.dataSets.find((set) => set.dataSet === id);

  const collectionViews = collections.map((collection): CollectionOverview => {
    const restored = restoreOf(collection);
    const snapshotRun = snapshots.find((run) => run.target === collection);
    const blobView = blobSnapshotView(blob, collection);
    const newestInBlob = blobView.ok ? blobView.newest : null;
    let standbyBehindBlob: boolean | null = null;
    if (blobView.ok && newestInBlob) standbyBehindBlob = restored === null || Date.parse(newestInBlob.snapshotCreatedAt) > restored.created.getTime();
    else if (blobView.ok) standbyBehindBlob = false;
    return {
      collection,
      blob: blobView,
      newestSnapshotRun:
        snapshotRun && snapshotRun.finishedAt
          ? {
              runId: snapshotRun.id,
              finishedAt: snapshotRun.finishedAt.toISOString(),
              snapshotName: text(snapshotRun.details, 'snapshotName'),
              snapshotCreatedAt: text(snapshotRun.details, 'snapshotCreatedAt'),
              points: count(snapshotRun.details, 'points'),
              bytes: snapshotRun.bytes,
            }
          : null,
      restored: restored
        ? { runId: restored.run.id, restoredAt: restored.finishedAt.toISOString(), snapshotName: restored.name, snapshotCreatedAt: restored.created.toISOString(), points: count(restored.run.details, 'points') }
        : null,
      latestSnapshotAttempt: toAttempt(newestAttempt('qdrant-snapshot', collection)),
      latestRestoreAttempt: toAttempt(newestAttempt('qdrant-restore', collection)),
      standbyBehindBlob,
      dataLoss: toDataLoss(rpoOf(`qdrant:${collection}`), objectiveSeconds, restored?.created ?? null),
    };
  });

  const newest = (list: ReplicationRun[]) => list.reduce<ReplicationRun | undefined>((best, run) => (!best || (run.finishedAt ?? run.startedAt) > (best.finishedAt ?? best.startedAt) ? run : best), undefined);
  const verify = newest(verifies);
  const redisRestore = newest(redisRestores);
  const redis: RedisOverview = {
    newestBackup:
      newestBackup && newestBackup.finishedAt
        ? {
            runId: newestBackup.id,
            takenAt: text(newestBackup.details, 'takenAt') ?? newestBackup.startedAt.toISOString(),
            finishedAt: newestBackup.finishedAt.toISOString(),
            bytes: newestBackup.bytes,
            keys: count(newestBackup.details, 'keys'),
            blob: text(newestBackup.details, 'blob'),
          }
        : null,
    newestVerify:
      verify && verify.finishedAt
        ? { runId: verify.id, finishedAt: verify.finishedAt.toISOString(), keys: count(verify.details, 'keys'), blob: text(verify.details, 'blob'), backupTakenAt: text(verify.details, 'takenAt') }
        : null,
    standbyRestore:
      redisRestore && redisRestore.finishedAt
        ? { runId: redisRestore.id, finishedAt: redisRestore.finishedAt.toISOString(), blob: text(redisRestore.details, 'blob'), keys: count(redisRestore.details, 'keys'), backupTakenAt: text(redisRestore.details, 'takenAt') }
        : null,
    latestAttempts: { backup: toAttempt(newestAttempt('redis-backup')), verify: toAttempt(newestAttempt('redis-verify')), restore: toAttempt(newestAttempt('redis-restore')) },
    dataLoss: toDataLoss(rpoOf('redis'), objectiveSeconds, newestBackup?.startedAt ?? null),
  };

  const jobs = MANUAL_REPLICATION_JOBS.map((job): JobOverview => {
    const schedule = scheduleOf(config, job);
    return { job, schedule, nextRunAt: nextRunOf(schedule, now), latest: toAttempt(newestAttempt(job)) };
  });

  return {
    generatedAt: now.toISOString(),
    regions: { primary: { name: config.regions.primary.name, label: config.regions.primary.label }, secondary: { name: config.regions.secondary.name, label: config.regions.secondary.label } },
    rpoObjectiveSeconds: objectiveSeconds,
    retentionDays: { qdrant: config.schedules.retentionDays.qdrant, redis: config.schedules.retentionDays.redis },
    collections: collectionViews,
    redis,
    jobs,
    runs: runs.map(toRunView),
  };
}
