import type { Db, Prisma } from '../client';
import { toReplicationRun, type ReplicationRun } from './replication-run';

export type ReplicationOutcome =
  | { state: 'succeeded'; bytes?: number; details: Prisma.InputJsonObject }
  | { state: 'failed'; error: string; bytes?: number; details?: Prisma.InputJsonObject };

/**
 * Ends a run that is still 'running' (a conditional update, so a run is finished once); returns
 * the finished run, or null when it was not running any more.
 */
export async function finishReplicationRun(db: Db, id: string, outcome: ReplicationOutcome, finishedAt = new Date()): Promise<ReplicationRun | null> {
  const run = await db.replicationRun.findUnique({ where: { id: BigInt(id) }, select: { startedAt: true } });
  if (!run) return null;
  const { count } = await db.replicationRun.updateMany({
    where: { id: BigInt(id), state: 'running' },
    data: {
      state: outcome.state,
      finishedAt,
      durationMs: Math.max(0, finishedAt.getTime() - run.startedAt.getTime()),
      bytes: outcome.bytes === undefined ? null : BigInt(outcome.bytes),
      error: outcome.state === 'failed' ? outcome.error : null,
      details: outcome.details ?? {},
    },
  });
  if (count === 0) return null;
  return toReplicationRun(await db.replicationRun.findUniqueOrThrow({ where: { id: BigInt(id) } }));
}
