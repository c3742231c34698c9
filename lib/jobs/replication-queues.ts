import type { ManualReplicationJob } from './request-replication-run';

/** The pg-boss queue of each replication job; the worker declares them, the app only sends. */
export function replicationQueueOf(job: ManualReplicationJob): string {
  return `replication.${job}`;
}
