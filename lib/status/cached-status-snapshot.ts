import { getDb } from '@/lib/db/client';
import { readStatusSnapshot } from './read-status-snapshot';
import type { StatusSnapshot, StatusWindow } from './status-snapshot';

/** How long one composed snapshot serves every viewer of this process. */
export const SNAPSHOT_TTL_MS = 1_000;

/** settledAt is null while the read is in flight: every caller then shares it. */
type Entry = { settledAt: number | null; snapshot: Promise<StatusSnapshot> };
// On globalThis: Next bundles the page and the route separately, and both should share one cache.
const KEY = Symbol.for('lifeboat.status.snapshots');
const store = globalThis as typeof globalThis & { [KEY]?: Map<StatusWindow, Entry> };

/**
 * The board's snapshot, composed at most once per second per window however many viewers poll:
 * concurrent callers share the read in flight (single-flight), later ones the finished answer.
 */
export function cachedStatusSnapshot(window: StatusWindow, now: () => number = Date.now): Promise<StatusSnapshot> {
  const entries = (store[KEY] ??= new Map());
  const entry = entries.get(window);
  if (entry && (entry.settledAt === null || now() - entry.settledAt < SNAPSHOT_TTL_MS)) return entry.snapshot;
  const snapshot = getDb().then((db) => readStatusSnapshot(db, { window }));
  const fresh: Entry = { settledAt: null, snapshot };
  entries.set(window, fresh);
  snapshot.then(
    () => {
      fresh.settledAt = now();
    },
    // A failed read is not served to the next caller: it tries again.
    () => {
      if (entries.get(window) === fresh) entries.delete(window);
    },
  );
  return snapshot;
}
