import type { Db } from '../client';
import { toReplicationRun, type ReplicationJob, type ReplicationRun } from './replication-run';

/** 'runbook': started by a runbook step, whose `runbook:<runId>:<stepId>` is the run's requestedBy. */
export type ReplicationTrigger = 'schedule' | 'manual' | 'test' | 'runbook';

export type StartReplicationRun = {
  job: ReplicationJob;
  target: string;
  region: 'primary' | 'secondary';
  trigger: ReplicationTrigger;
  requestedBy?: string;
};

/** Records a run as 'running' before any work starts, so a crash leaves a visible trace. */
export async function startReplicationRun(db: Db, run: StartReplicationRun): Promise<ReplicationRun> {
  const row = await db.replicationRun.create({
    data: { job: run.job, target: run.target, region: run.region, trigger: run.trigger, requestedBy: run.requestedBy ?? null, state: 'running', details: {} },
  });
  return toReplicationRun(row);
}
