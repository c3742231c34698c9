import type { WorkerNodeView } from '@/lib/domain/control-plane-health';
import type { Db } from '../client';

export type NewWorker = { id: string; region: string; hostname: string; pid: number; version: string };

/** Records a starting worker process; start and heartbeat times come from the database clock. */
export async function registerWorker(db: Db, worker: NewWorker): Promise<WorkerNodeView> {
  return db.workerNode.create({ data: worker });
}
