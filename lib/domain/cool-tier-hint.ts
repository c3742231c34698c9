/** A snapshot the runs recorded in Blob and retention has not deleted yet. */
export type StoredSnapshot = { target: string; bytes: number; at: Date };

export type CoolTierHint = {
  snapshots: number;
  /** The newest per collection stays Hot: the secondary restores from it. */
  keptHot: number;
  bytes: number;
  hotPerGbMonth: number;
  coolPerGbMonth: number;
  monthlySavingsCents: number;
};

export const GIB = 1024 ** 3;

/** Older snapshots moved to Cool: bytes actually stored × (Hot − Cool) per GB-month (GB = GiB, as Azure bills). */
export function coolTierHint(stored: readonly StoredSnapshot[], prices: { hot: number; cool: number }): CoolTierHint {
  const newest = new Map<string, StoredSnapshot>();
  for (const snapshot of stored) {
    const current = newest.get(snapshot.target);
    if (!current || snapshot.at > current.at) newest.set(snapshot.target, snapshot);
  }
  const movable = stored.filter((snapshot) => newest.get(snapshot.target) !== snapshot);
  const bytes = movable.reduce((sum, snapshot) => sum + snapshot.bytes, 0);
  return {
    snapshots: movable.length,
    keptHot: newest.size,
    bytes,
    hotPerGbMonth: prices.hot,
    coolPerGbMonth: prices.cool,
    monthlySavingsCents: Math.round((bytes / GIB) * Math.max(0, prices.hot - prices.cool) * 100),
  };
}
