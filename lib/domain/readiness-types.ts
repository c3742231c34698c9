import type { Component, ProbeRegion } from './probe-results';

export type Verdict = 'READY' | 'DEGRADED' | 'NOT_READY';

/** Current RPO of one protected data set: how much data a failover now would lose. */
export type DataSetRpo = {
  /** e.g. `qdrant:documents`, `redis`, `blob`. */
  dataSet: string;
  label: string;
  /** null when it cannot be known (e.g. no snapshot restored into the secondary yet). */
  rpoSeconds: number | null;
  objectiveSeconds: number;
  withinObjective: boolean | null;
  /** In plain words, what the figure is measured from. */
  basis: string;
};

export type RtoEstimate = {
  minutes: number;
  objectiveMinutes: number;
  withinObjective: boolean;
  basis: 'measured-drill' | 'measured-failover' | 'plan-estimate';
  detail: string;
};

export type Reason = { severity: 'blocker' | 'warning'; component: Component | 'control-plane' | 'rpo' | 'rto'; message: string };

export type Readiness = {
  verdict: Verdict;
  reasons: Reason[];
  rpo: { worst: DataSetRpo | null; dataSets: DataSetRpo[] };
  rto: RtoEstimate;
  servingRegion: 'primary' | 'secondary' | null;
  evaluatedAt: string;
  newestProbeAt: string | null;
  /** The newest probe is older than two probe intervals: what the board shows may be out of date. */
  stale: boolean;
};

/** One tile of the board's grid: a component in a region (or the replication between them). */
export type ComponentTile = {
  component: Component;
  region: ProbeRegion;
  state: 'ok' | 'warn' | 'bad' | 'unknown';
  summary: string;
  dataAgeSeconds: number | null;
  lastProbeAt: string | null;
};

export const ALERT_RULES = ['primary-region-unhealthy', 'replication-lag-high', 'secondary-aks-down', 'blob-replication-failed', 'replication-job-failed', 'redis-backup-stale', 'drill-overdue'] as const;
/** Alerts raised by an event rather than judged each probe cycle (they resolve by hand). */
export const EVENT_ALERT_RULES = ['break-glass-used'] as const;
export type AlertRule = (typeof ALERT_RULES)[number] | (typeof EVENT_ALERT_RULES)[number];
export type Severity = 'SEV-1' | 'SEV-2' | 'SEV-3';

/** A rule's verdict for one evaluation: the condition holds (fire / keep firing) or not (resolve). */
export type AlertCondition = { rule: AlertRule; severity: Severity; dedupKey: string; holds: boolean; title: string; details: Record<string, unknown> };
