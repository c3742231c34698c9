import type { ReplicationRun } from '@/lib/db/replication/replication-run';
import { SnapshotManifest } from './snapshot-manifest';

export type VerifiedSnapshotsReading = { ok: true; checkedAt: Date; snapshots: Map<string, SnapshotManifest> } | { ok: false; checkedAt: Date; error: string };

const field = (details: unknown, key: string): unknown => (typeof details === 'object' && details !== null ? (details as Record<string, unknown>)[key] : undefined);

/**
 * What Blob holds, as the snapshot runs recorded it: each succeeded run wrote its verified manifest,
 * and retention never deletes the newest. Pages read this from the database, never from Blob itself.
 */
export function verifiedSnapshotsFromRuns(newestSucceeded: readonly ReplicationRun[], sourceRegion: string, now: Date): VerifiedSnapshotsReading {
  const snapshots = new Map<string, SnapshotManifest>();
  for (const run of newestSucceeded) {
    const parsed = SnapshotManifest.safeParse({
      collection: run.target,
      snapshotName: field(run.details, 'snapshotName'),
      blobName: field(run.details, 'blobName'),
      pointsCount: field(run.details, 'points'),
      size: run.bytes,
      sha256: field(run.details, 'sha256'),
      sourceRegion,
      snapshotCreatedAt: field(run.details, 'snapshotCreatedAt'),
      uploadedAt: run.finishedAt?.toISOString(),
      verified: true,
    });
    if (parsed.success) snapshots.set(run.target, parsed.data);
  }
  return { ok: true, checkedAt: now, snapshots };
}
