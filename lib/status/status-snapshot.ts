import type { ControlPlaneHealthJson } from '@/lib/control-plane/read-control-plane-health';
import type { Component, ProbeRegion } from '@/lib/domain/probe-results';
import type { DrillMilestones } from '@/lib/metrics/drill-milestones';
import type { AlertRule, ComponentTile, Readiness, Severity } from '@/lib/domain/readiness-types';

export const STATUS_WINDOWS = ['24h', '7d', '30d'] as const;
export type StatusWindow = (typeof STATUS_WINDOWS)[number];
export const WINDOW_SECONDS: Record<StatusWindow, number> = { '24h': 86_400, '7d': 7 * 86_400, '30d': 30 * 86_400 };

/** `?window=` as given, or 24h when absent or unknown. */
export function parseStatusWindow(value: string | null | undefined): StatusWindow {
  return STATUS_WINDOWS.find((window) => window === value) ?? '24h';
}

/** One point of a tile's sparkline: latency (ms) or data age (s), null when the probe failed. */
export type SparkPoint = { at: string; value: number | null; ok: boolean };
export type TileView = ComponentTile & { spark: { unit: 'ms' | 's'; label: string; points: SparkPoint[] } };

export type AlertView = {
  id: string;
  rule: AlertRule;
  severity: Severity;
  title: string;
  state: 'firing' | 'resolved';
  firedAt: string;
  resolvedAt: string | null;
};

/** A notification that could not be delivered (after its retries, or still retrying with an error). */
export type FailedNotificationView = {
  id: string;
  alertId: string;
  alertTitle: string;
  event: string;
  target: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
};

/** The replication-lag chart: how old each protected data set's newest copy was, in seconds. */
export type LagPoint = { at: string; blob: number | null; qdrant: number | null; redis: number | null };
export type LagSeries = { window: StatusWindow; bucketSeconds: number; points: LagPoint[] };

/** The board's one JSON document (`GET /api/status`); dates are ISO strings. */
export type StatusSnapshot = {
  /** Content hash (the ETag): changes when anything the board shows changes, not with the clock alone. */
  version: string;
  generatedAt: string;
  window: StatusWindow;
  probeIntervalSeconds: number;
  regions: Record<'primary' | 'secondary', { name: string; label: string }>;
  readiness: Readiness;
  tiles: TileView[];
  alerts: { firing: AlertView[]; recentlyResolved: AlertView[] };
  failedNotifications: FailedNotificationView[];
  lag: LagSeries;
  controlPlane: ControlPlaneHealthJson;
  database: { ok: true; latencyMs: number };
  drills: DrillMilestones;
};

/** What the board polls when the answer is not a snapshot: 401, 403, 503 (database unreachable). */
export type StatusError = { error: string; message: string };

export type TileKey = `${Component}:${ProbeRegion}`;
export const tileKey = (component: Component, region: ProbeRegion): TileKey => `${component}:${region}`;
