import { getConfig } from '@/lib/config/get-config';
import { getDb } from '@/lib/db/client';
import { readReplicationOverview } from './read-replication-overview';
import type { ReplicationOverview } from './replication-overview';

/** How long one composed overview serves every viewer of this process. */
export const OVERVIEW_TTL_MS = 1_000;

type Entry = { settledAt: number | null; overview: Promise<ReplicationOverview> };
// On globalThis: Next bundles the page and the route separately, and both should share one cache.
const KEY = Symbol.for('lifeboat.replication.overview');
const store = globalThis as typeof globalThis & { [KEY]?: Entry };

/** The Replication page's overview, composed at most once per second however many viewers poll (single-flight). */
export function cachedReplicationOverview(now: () => number = Date.now): Promise<ReplicationOverview> {
  const entry = store[KEY];
  if (entry && (entry.settledAt === null || now() - entry.settledAt < OVERVIEW_TTL_MS)) return entry.overview;
  const overview = getDb().then((db) => readReplicationOverview(db, getConfig()));
  const fresh: Entry = { settledAt: null, overview };
  store[KEY] = fresh;
  overview.then(
    () => {
      fresh.settledAt = now();
    },
    // A failed read is not served to the next caller: it tries again.
    () => {
      if (store[KEY] === fresh) store[KEY] = undefined;
    },
  );
  return overview;
}
