export type RetainedBlob = {
  name: string;
  /** When the data was taken (the manifest's takenAt, else the blob's last-modified time). */
  takenAt: Date;
  /** True when a complete manifest with verified:true exists beside it. */
  verified: boolean;
};

export type RetentionInput = { blobs: readonly RetainedBlob[]; now: Date; retentionDays: number; dependedOn: ReadonlySet<string> };

export type RetentionDecision = { name: string; action: 'delete' | 'keep'; reason: string };

const DAY_MS = 86_400_000;

/**
 * Which backups retention would delete (a dry run: pure, no I/O): those older than retentionDays,
 * except the newest verified one (the restore of last resort) and any a secondary depends on.
 */
export function planRetention(input: RetentionInput): RetentionDecision[] {
  const newestVerified = input.blobs
    .filter((blob) => blob.verified)
    .reduce<RetainedBlob | undefined>((newest, blob) => (!newest || blob.takenAt > newest.takenAt ? blob : newest), undefined);
  const cutoff = input.now.getTime() - input.retentionDays * DAY_MS;
  return [...input.blobs]
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime())
    .map((blob): RetentionDecision => {
      if (blob === newestVerified) return { name: blob.name, action: 'keep', reason: 'newest verified backup' };
      if (input.dependedOn.has(blob.name)) return { name: blob.name, action: 'keep', reason: 'a secondary depends on it' };
      // A blob written after `now` (clocks of Blob and this process differ slightly) is simply new.
      const ageDays = Math.max(0, input.now.getTime() - blob.takenAt.getTime()) / DAY_MS;
      if (blob.takenAt.getTime() >= cutoff) return { name: blob.name, action: 'keep', reason: `${ageDays.toFixed(1)} days old, within ${input.retentionDays} days` };
      return { name: blob.name, action: 'delete', reason: `${ageDays.toFixed(1)} days old, beyond ${input.retentionDays} days${blob.verified ? '' : ' (never verified)'}` };
    });
}
