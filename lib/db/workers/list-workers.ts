import type { LeaderChangeView, WorkerNodeView } from '@/lib/domain/control-plane-health';
import type { Db } from '../client';

export type WorkerFleet = {
  /** The database clock when read: heartbeats are stamped with it, so ages are measured against it. */
  now: Date;
  workers: WorkerNodeView[];
  leaderChanges: (LeaderChangeView & { id: string })[];
};

export type ListWorkersOptions = { stoppedWithinMs?: number; leaderChanges?: number; limit?: number };

/** The worker fleet for the control-plane panel: running workers, recently stopped ones, latest handovers. */
export async function listWorkers(db: Db, options: ListWorkersOptions = {}): Promise<WorkerFleet> {
  const stoppedSince = new Date(Date.now() - (options.stoppedWithinMs ?? 24 * 3_600_000));
  const [clock, workers, changes] = await db.$transaction([
    db.$queryRaw<{ now: Date }[]>`SELECT now() AS "now"`,
    db.workerNode.findMany({
      where: { OR: [{ stoppedAt: null }, { stoppedAt: { gte: stoppedSince } }] },
      orderBy: [{ region: 'asc' }, { startedAt: 'asc' }],
      take: options.limit ?? 200,
    }),
    db.leaderChange.findMany({ orderBy: [{ at: 'desc' }, { id: 'desc' }], take: options.leaderChanges ?? 20 }),
  ]);
  return {
    now: clock[0]?.now ?? new Date(),
    workers,
    leaderChanges: changes.map((change) => ({ ...change, id: change.id.toString() })),
  };
}
