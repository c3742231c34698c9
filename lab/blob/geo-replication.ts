/** What Get Blob Service Stats reports for the secondary ("bootstrap" is not simulated). */
export type GeoReplicationStats = { status: 'live' | 'unavailable'; lastSyncTime: Date };

export type GeoReplication = {
  stats(): GeoReplicationStats;
  pause(): void;
  resume(): void;
  /** Upper bound of the lag while live; raising it freezes LastSyncTime until the lag has grown to it. */
  setLagSeconds(seconds: number): void;
  lagSeconds(): number;
};

/** Azure syncs in batches: LastSyncTime moves in steps of at most this many seconds. */
const SYNC_STEP_SECONDS = 15;
export const DEFAULT_GEO_LAG_SECONDS = 15;

/**
 * Simulated GRS replication. While live, LastSyncTime = the last sync point: it advances in steps,
 * so the lag saws between (limit − step) and the limit (0–15 s by default). It never moves back:
 * pausing freezes it (status unavailable) and a larger limit makes the lag grow in real time.
 */
export function createGeoReplication(options: { lagSeconds?: number; now?: () => number } = {}): GeoReplication {
  const now = options.now ?? Date.now;
  let limitSeconds = options.lagSeconds ?? DEFAULT_GEO_LAG_SECONDS;
  let paused = false;
  let lastSyncMs = Number.NEGATIVE_INFINITY;

  const syncPoint = (atMs: number) => {
    const stepMs = Math.min(limitSeconds, SYNC_STEP_SECONDS) * 1000;
    if (stepMs <= 0) return atMs;
    const sinceBase = atMs - (limitSeconds * 1000 - stepMs);
    return Math.floor(sinceBase / stepMs) * stepMs;
  };
  const advance = () => {
    if (!paused) lastSyncMs = Math.max(lastSyncMs, syncPoint(now()));
    return lastSyncMs;
  };

  return {
    stats: () => {
      const at = advance();
      // Whole seconds: the wire format (RFC 1123) carries no more.
      return { status: paused ? 'unavailable' : 'live', lastSyncTime: new Date(Math.floor(at / 1000) * 1000) };
    },
    pause: () => {
      advance();
      paused = true;
    },
    resume: () => {
      paused = false;
    },
    setLagSeconds: (seconds) => {
      if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`geo-replication lag must be ≥ 0 seconds, got ${seconds}`);
      advance();
      limitSeconds = seconds;
    },
    lagSeconds: () => limitSeconds,
  };
}
