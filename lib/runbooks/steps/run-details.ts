import type { ReplicationRun } from '@/lib/db/replication/replication-run';

/** One field of a run's JSON details, when it has the expected type. */
export function detailString(run: ReplicationRun, field: string): string | null {
  const details = run.details;
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return null;
  const value = details[field];
  return typeof value === 'string' ? value : null;
}

export function detailNumber(run: ReplicationRun, field: string): number | null {
  const details = run.details;
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return null;
  const value = details[field];
  return typeof value === 'number' ? value : null;
}
