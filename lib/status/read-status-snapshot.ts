import type { Db } from '@/lib/db/client';
import { probeHistory } from '@/lib/db/probes/probe-history';
import { readBoardState } from './read-board-state';
import { readLagSeries } from './read-lag-series';
import { snapshotVersion } from './snapshot-version';
import { tileKey, type StatusSnapshot, type StatusWindow } from './status-snapshot';
import { SPARK_POINTS, toTileSparklines } from './to-tile-sparklines';

/** The board's one JSON document for a chart window; `version` hashes what it shows (the ETag). */
export async function readStatusSnapshot(db: Db, options: { window: StatusWindow; now?: Date }): Promise<StatusSnapshot> {
  const now = options.now ?? new Date();
  const state = await readBoardState(db, now);
  const intervalSeconds = state.config.schedules.probeIntervalSeconds;
  const newest = state.latest.reduce<(typeof state.latest)[number] | null>((best, sample) => (!best || sample.at > best.at ? sample : best), null);
  // Sparklines end at the newest cycle, so a stopped worker leaves its last lines visible.
  const sparkFrom = new Date((newest?.at ?? now).getTime() - (SPARK_POINTS + 2) * intervalSeconds * 1000);
  const [recent, lag] = await Promise.all([
    probeHistory(db, { from: sparkFrom, to: now, maxSamples: (SPARK_POINTS + 2) * Math.max(1, state.latest.length) * 2 }),
    readLagSeries(db, options.window, now, newest?.id ?? null),
  ]);
  const sparks = toTileSparklines(recent.samples);
  const { regions } = state.config;
  const content: Omit<StatusSnapshot, 'version'> = {
    generatedAt: now.toISOString(),
    window: options.window,
    probeIntervalSeconds: intervalSeconds,
    regions: { primary: { name: regions.primary.name, label: regions.primary.label }, secondary: { name: regions.secondary.name, label: regions.secondary.label } },
    readiness: state.readiness,
    tiles: state.tiles.map((tile) => ({ ...tile, spark: sparks.get(tileKey(tile.component, tile.region)) ?? { unit: tile.component === 'blob' ? 's' : 'ms', label: 'probe latency', points: [] } })),
    alerts: state.alerts,
    failedNotifications: state.failedNotifications,
    lag,
    controlPlane: state.controlPlane,
    database: { ok: true, latencyMs: state.databaseLatencyMs },
    drills: state.drills,
  };
  return { version: snapshotVersion(content), ...content };
}
