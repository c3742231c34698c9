import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/get-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { readReplicationOverview, RUNS_PER_JOB } from './read-replication-overview';
import type { VerifiedSnapshotsReading } from './verified-snapshots-from-runs';
import type { SnapshotManifest } from './snapshot-manifest';

const NOW = new Date('2026-11-24T10:03:20.000Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const config = getConfig();
const COLLECTION = config.components.qdrant.primary.collections[0] ?? 'documents';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

type Row = { job: string; target?: string; state: 'running' | 'succeeded' | 'failed'; startedAt: Date; durationMs?: number; bytes?: number; error?: string; details?: Record<string, unknown>; trigger?: string; requestedBy?: string };

async function insertRun(row: Row): Promise<string> {
  const finishedAt = row.state === 'running' ? null : new Date(row.startedAt.getTime() + (row.durationMs ?? 0));
  const created = await t.db.replicationRun.create({
    data: {
      job: row.job,
      target: row.target ?? (row.job.startsWith('qdrant') ? COLLECTION : 'redis'),
      region: row.job === 'qdrant-restore' || row.job === 'redis-restore' ? 'secondary' : 'primary',
      trigger: row.trigger ?? 'schedule',
      requestedBy: row.requestedBy ?? null,
      state: row.state,
      startedAt: row.startedAt,
      finishedAt,
      durationMs: row.state === 'running' ? null : (row.durationMs ?? 0),
      bytes: row.bytes === undefined ? null : BigInt(row.bytes),
      error: row.error ?? null,
      details: (row.details ?? {}) as object,
    },
  });
  return created.id.toString();
}

const manifest = (createdAt: Date, name: string): SnapshotManifest => ({
  collection: COLLECTION,
  snapshotName: name,
  blobName: `qdrant/${COLLECTION}/${name}`,
  pointsCount: 3000,
  size: 48_000_000,
  sha256: 'a'.repeat(64),
  sourceRegion: config.regions.primary.name,
  snapshotCreatedAt: createdAt.toISOString(),
  uploadedAt: createdAt.toISOString(),
  verified: true,
});
const blobWith = (...manifests: SnapshotManifest[]) => async (): Promise<VerifiedSnapshotsReading> => ({ ok: true, checkedAt: NOW, snapshots: new Map(manifests.map((m) => [m.collection, m])) });
const blobDown = async (): Promise<VerifiedSnapshotsReading> => ({ ok: false, checkedAt: NOW, error: 'connect ECONNREFUSED 127.0.0.1:10000' });

describe('readReplicationOverview', () => {
  it('with no run yet: nothing restored, the data-loss window unknown, and when each job runs next', async () => {
    const overview = await readReplicationOverview(t.db, config, { now: NOW, readBlob: blobWith() });
    expect(overview.runs).toEqual([]);
    expect(overview.rpoObjectiveSeconds).toBe(config.objectives.rpoMinutes * 60);
    expect(overview.collections.map((c) => c.collection)).toEqual(config.components.qdrant.primary.collections);
    expect(overview.collections[0]).toMatchObject({ blob: { ok: true, newest: null }, restored: null, newestSnapshotRun: null, standbyBehindBlob: false, dataLoss: { seconds: null, withinObjective: null } });
    expect(overview.redis).toMatchObject({ newestBackup: null, newestVerify: null, standbyRestore: null, dataLoss: { seconds: null, withinObjective: null } });
    const snapshotJob = overview.jobs.find((job) => job.job === 'qdrant-snapshot');
    expect(snapshotJob).toMatchObject({ schedule: config.schedules.qdrantSnapshot, latest: null });
    expect(snapshotJob?.nextRunAt).not.toBeNull();
    expect(Date.parse(snapshotJob?.nextRunAt ?? '')).toBeGreaterThan(NOW.getTime());
    expect(overview.jobs.map((job) => job.job)).toEqual(['qdrant-snapshot', 'qdrant-restore', 'redis-backup', 'redis-verify', 'redis-restore', 'retention']);
  });

  it('shows what each side holds, the data-loss window against the RPO, and the runs newest first', async () => {
    await insertRun({ job: 'qdrant-snapshot', state: 'succeeded', startedAt: ago(14), durationMs: 2_000, bytes: 50_000_000, details: { snapshotName: 'documents-1.snapshot', snapshotCreatedAt: ago(14).toISOString(), points: 3000, sha256: 'a'.repeat(64) } });
    const restored = await insertRun({ job: 'qdrant-restore', state: 'succeeded', startedAt: ago(12), durationMs: 4_000, bytes: 50_000_000, details: { snapshotName: 'documents-1.snapshot', snapshotCreatedAt: ago(14).toISOString(), points: 3000, previousPoints: 2900 } });
    await insertRun({ job: 'qdrant-snapshot', state: 'succeeded', startedAt: ago(4), durationMs: 1_000, bytes: 51_000_000, details: { snapshotName: 'documents-2.snapshot', snapshotCreatedAt: ago(4).toISOString(), points: 3010 } });
    await insertRun({ job: 'qdrant-restore', state: 'failed', startedAt: ago(2), durationMs: 300, error: 'secondary Qdrant: recover from snapshot: HTTP 400: Bad Request: Checksum mismatch: expected aaa, got bbb', details: { snapshotName: 'documents-2.snapshot' } });
    await insertRun({ job: 'redis-backup', state: 'succeeded', startedAt: ago(3), durationMs: 500, bytes: 2_000_000, details: { blob: 'redis/canadacentral/x.rdb', keys: 500, takenAt: ago(3).toISOString() } });
    await insertRun({ job: 'redis-verify', state: 'succeeded', startedAt: ago(1), durationMs: 800, bytes: 2_000_000, details: { blob: 'redis/canadacentral/x.rdb', keys: 500, takenAt: ago(3).toISOString() } });
    await insertRun({ job: 'qdrant-snapshot', state: 'running', startedAt: ago(0.1), trigger: 'manual', requestedBy: 'Omar Operator' });

    const overview = await readReplicationOverview(t.db, config, { now: NOW, readBlob: blobWith(manifest(ago(4), 'documents-2.snapshot')) });
    const collection = overview.collections.find((c) => c.collection === COLLECTION);
    expect(collection?.restored).toMatchObject({ runId: restored, snapshotName: 'documents-1.snapshot', snapshotCreatedAt: ago(14).toISOString(), points: 3000 });
    // Data the secondary holds is 14 minutes old: that is what a failover now would lose.
    expect(collection?.dataLoss).toMatchObject({ seconds: 14 * 60, objectiveSeconds: config.objectives.rpoMinutes * 60, withinObjective: true, dataFrom: ago(14).toISOString() });
    expect(collection?.blob).toMatchObject({ ok: true, newest: { snapshotName: 'documents-2.snapshot', points: 3000, size: 48_000_000 } });
    expect(collection?.standbyBehindBlob).toBe(true);
    expect(collection?.newestSnapshotRun).toMatchObject({ snapshotName: 'documents-2.snapshot', points: 3010, bytes: 51_000_000 });
    expect(collection?.latestRestoreAttempt).toMatchObject({ state: 'failed', error: expect.stringContaining('Checksum mismatch') });
    expect(collection?.latestSnapshotAttempt).toMatchObject({ state: 'running' });

    expect(overview.redis.newestBackup).toMatchObject({ keys: 500, bytes: 2_000_000, blob: 'redis/canadacentral/x.rdb', takenAt: ago(3).toISOString() });
    expect(overview.redis.newestVerify).toMatchObject({ keys: 500, backupTakenAt: ago(3).toISOString() });
    expect(overview.redis.dataLoss).toMatchObject({ seconds: 3 * 60, withinObjective: true });

    expect(overview.runs.map((run) => `${run.job}:${run.state}`)).toEqual([
      'qdrant-snapshot:running',
      'redis-verify:succeeded',
      'qdrant-restore:failed',
      'redis-backup:succeeded',
      'qdrant-snapshot:succeeded',
      'qdrant-restore:succeeded',
      'qdrant-snapshot:succeeded',
    ]);
    const [running, , failed, , , restore, snapshot] = overview.runs;
    expect(running).toMatchObject({ trigger: 'manual', requestedBy: 'Omar Operator', durationMs: null, finishedAt: null, throughputMBps: null });
    expect(failed?.error).toBe('secondary Qdrant: recover from snapshot: HTTP 400: Bad Request: Checksum mismatch: expected aaa, got bbb');
    expect(snapshot).toMatchObject({ bytes: 50_000_000, durationMs: 2_000, throughputMBps: 25, facts: ['snapshot documents-1.snapshot', '3,000 points'] });
    expect(restore?.facts).toEqual(['snapshot documents-1.snapshot', '3,000 points (was 2,900)']);
    expect(overview.jobs.find((job) => job.job === 'qdrant-restore')?.latest).toMatchObject({ state: 'failed' });
  });

  it('says the standby is over the RPO when its data is older than the objective', async () => {
    const old = ago(config.objectives.rpoMinutes + 30);
    await insertRun({ job: 'qdrant-restore', target: 'other', state: 'succeeded', startedAt: old, durationMs: 1_000, details: { snapshotName: 'other-1.snapshot', snapshotCreatedAt: old.toISOString(), points: 1 } });
    const otherConfig = { ...config, components: { ...config.components, qdrant: { ...config.components.qdrant, primary: { ...config.components.qdrant.primary, collections: ['other'] } } } } as LifeboatConfig;
    const overview = await readReplicationOverview(t.db, otherConfig, { now: NOW, readBlob: blobWith() });
    expect(overview.collections).toHaveLength(1);
    expect(overview.collections[0]?.dataLoss).toMatchObject({ seconds: (config.objectives.rpoMinutes + 30) * 60, withinObjective: false });
  });

  it('keeps the database parts when Blob cannot be read, and names the Blob error on its part', async () => {
    let changedAt: Date | null = null;
    const overview = await readReplicationOverview(t.db, config, {
      now: NOW,
      readBlob: (_config, changed) => {
        changedAt = changed;
        return blobDown();
      },
    });
    // The newest finished snapshot run (started 4 min ago, 1 s long) tells the cached listing to re-read.
    expect(changedAt).toEqual(new Date(ago(4).getTime() + 1_000));
    const collection = overview.collections.find((c) => c.collection === COLLECTION);
    expect(collection?.blob).toEqual({ ok: false, checkedAt: NOW.toISOString(), error: 'connect ECONNREFUSED 127.0.0.1:10000' });
    expect(collection?.standbyBehindBlob).toBeNull();
    expect(collection?.restored?.snapshotName).toBe('documents-1.snapshot');
    expect(collection?.newestSnapshotRun?.snapshotName).toBe('documents-2.snapshot');
  });

  it(`lists at most ${RUNS_PER_JOB} runs per job, so one busy job cannot push the others out`, async () => {
    for (let i = 0; i < RUNS_PER_JOB + 5; i += 1) await insertRun({ job: 'redis-backup', target: 'redis', state: 'failed', startedAt: ago(1 + i / 100), durationMs: 10, error: `attempt ${i}` });
    const overview = await readReplicationOverview(t.db, config, { now: NOW, readBlob: blobWith() });
    expect(overview.runs.filter((run) => run.job === 'redis-backup')).toHaveLength(RUNS_PER_JOB);
    expect(overview.runs.filter((run) => run.job === 'qdrant-snapshot')).toHaveLength(3);
    // The newest success still decides what Redis holds, however many failures followed it.
    expect(overview.redis.newestBackup?.keys).toBe(500);
    expect(overview.redis.latestAttempts.backup).toMatchObject({ state: 'failed', error: 'attempt 0' });
  });

  it('by default takes the Blob side from the newest succeeded snapshot run, never from Blob itself', async () => {
    const overview = await readReplicationOverview(t.db, config, { now: NOW });
    const collection = overview.collections.find((c) => c.collection === COLLECTION);
    // The newest succeeded run (documents-2) recorded no blobName or sha256: it cannot stand for a verified manifest.
    expect(collection?.blob).toMatchObject({ ok: true, newest: null });
    await insertRun({ job: 'qdrant-snapshot', state: 'succeeded', startedAt: ago(3), durationMs: 1_000, bytes: 52_000_000, details: { snapshotName: 'documents-3.snapshot', blobName: `qdrant/${COLLECTION}/documents-3.snapshot`, sha256: 'c'.repeat(64), snapshotCreatedAt: ago(3).toISOString(), points: 3020 } });
    const after = await readReplicationOverview(t.db, config, { now: NOW });
    expect(after.collections.find((c) => c.collection === COLLECTION)?.blob).toMatchObject({ ok: true, newest: { snapshotName: 'documents-3.snapshot', points: 3020, size: 52_000_000, sha256: 'c'.repeat(64) } });
  });
});
