import { toRunbookRun, type RunbookRunRecord } from './runbook-record';

/** What the worker measures on a run once it serves again; null until then (and for a dry run). */
export type RunMeasurements = { declaredAt: Date | null; failureAt: Date | null; servingAt: Date | null; dataAsOf: Date | null; rtoSeconds: number | null; rpoSeconds: number | null };

/** A run as its live view shows it: the engine's record, who holds its lease, and what was measured. */
export type MeasuredRunRecord = RunbookRunRecord & RunMeasurements & { executorId: string | null; leaseExpiresAt: Date | null };

type Row = Parameters<typeof toRunbookRun>[0] & RunMeasurements & { executorId: string | null; leaseExpiresAt: Date | null };

export function toMeasuredRun(row: Row): MeasuredRunRecord {
  return {
    ...toRunbookRun(row),
    executorId: row.executorId,
    leaseExpiresAt: row.leaseExpiresAt,
    declaredAt: row.declaredAt,
    failureAt: row.failureAt,
    servingAt: row.servingAt,
    dataAsOf: row.dataAsOf,
    rtoSeconds: row.rtoSeconds,
    rpoSeconds: row.rpoSeconds,
  };
}
