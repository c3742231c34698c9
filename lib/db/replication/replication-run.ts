import type { Prisma } from '../client';

export type ReplicationJob = 'qdrant-snapshot' | 'qdrant-restore' | 'redis-backup' | 'redis-restore' | 'redis-verify' | 'retention';
export type ReplicationRunState = 'running' | 'succeeded' | 'failed';

/** One run of a replication job as the app reads it: ids and byte counts as plain numbers/strings. */
export type ReplicationRun = {
  id: string;
  job: string;
  target: string;
  region: string;
  trigger: string;
  requestedBy: string | null;
  state: ReplicationRunState;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  bytes: number | null;
  error: string | null;
  details: Prisma.JsonValue;
};

type Row = Omit<ReplicationRun, 'id' | 'bytes' | 'state'> & { id: bigint; bytes: bigint | null; state: string };

function toState(state: string): ReplicationRunState {
  if (state === 'running' || state === 'succeeded' || state === 'failed') return state;
  throw new Error(`ReplicationRun has an unknown state ${JSON.stringify(state)}`);
}

export function toReplicationRun(row: Row): ReplicationRun {
  return { ...row, id: row.id.toString(), bytes: row.bytes === null ? null : Number(row.bytes), state: toState(row.state) };
}
