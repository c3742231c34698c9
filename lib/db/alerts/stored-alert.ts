import type { AlertRule, Severity } from '@/lib/domain/readiness-types';

export type AlertState = 'firing' | 'resolved';
export type NotificationEvent = 'trigger' | 'resolve';
export type NotificationKind = 'teams' | 'pagerduty' | 'webhook';
export type NotificationStatus = 'pending' | 'sent' | 'failed';

export type StoredAlert = {
  id: bigint;
  rule: AlertRule;
  severity: Severity;
  dedupKey: string;
  state: AlertState;
  title: string;
  details: Record<string, unknown>;
  firedAt: Date;
  resolvedAt: Date | null;
};

export type StoredNotification = {
  id: bigint;
  alertId: bigint;
  event: NotificationEvent;
  target: string;
  kind: NotificationKind;
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
};

type AlertRow = { id: bigint; rule: string; severity: string; dedupKey: string; state: string; title: string; details: unknown; firedAt: Date; resolvedAt: Date | null };
type NotificationRow = { id: bigint; alertId: bigint; event: string; target: string; kind: string; status: string; attempts: number; nextAttemptAt: Date; lastError: string | null; sentAt: Date | null; createdAt: Date };

// The columns are plain text in the database; only this module's verbs write them, with these values.
export function toStoredAlert(row: AlertRow): StoredAlert {
  const details = typeof row.details === 'object' && row.details !== null && !Array.isArray(row.details) ? (row.details as Record<string, unknown>) : {};
  return { ...row, rule: row.rule as AlertRule, severity: row.severity as Severity, state: row.state as AlertState, details };
}

export function toStoredNotification(row: NotificationRow): StoredNotification {
  return { ...row, event: row.event as NotificationEvent, kind: row.kind as NotificationKind, status: row.status as NotificationStatus };
}
