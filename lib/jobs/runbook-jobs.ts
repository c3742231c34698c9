import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/client';
import { findRunbookWork, type RunbookWork } from '@/lib/db/runbooks/find-runbook-work';
import { describeError } from '@/lib/domain/describe-error';
import { executeRunbookWork } from '@/lib/runbooks/execute-runbook-work';
import type { StepRegistry } from '@/lib/runbooks/step-handler';
import { NotLeaderError } from './not-leader-error';

export const RUNBOOK_QUEUE = 'runbook.execute';

export type RunbookJobContext = { db: Db; registry: StepRegistry; isLeader: () => boolean; log: (line: string) => void; leaseMs?: number };

/** `short`: at most one queued job per request or run; a job whose worker died simply ends, the leader re-queues its run. */
export async function declareRunbookQueue(boss: PgBoss): Promise<void> {
  await boss.createQueue(RUNBOOK_QUEUE, { policy: 'short', retryLimit: 0, expireInSeconds: 6 * 3600, deleteAfterSeconds: 7 * 86_400 });
}

/** Leader-only: each job starts or resumes one run and executes it to its end (several runs at once). */
export async function workRunbookJobs(boss: PgBoss, ctx: RunbookJobContext): Promise<{ queue: string; id: string }> {
  const id = await boss.work<RunbookWork>(RUNBOOK_QUEUE, { pollingIntervalSeconds: 1, localConcurrency: 4 }, async ([job]) => {
    if (!job) return;
    if (!ctx.isLeader()) throw new NotLeaderError(RUNBOOK_QUEUE);
    const outcome = await executeRunbookWork(ctx.db, job.data, ctx.registry, { isLeader: ctx.isLeader, leaseMs: ctx.leaseMs });
    const result = outcome.result;
    const what = result ? (result.state === 'running' ? `stopped (${result.stopped})` : `${result.state}${result.error ? `: ${result.error}` : ''}`) : 'nothing to run';
    ctx.log(`${RUNBOOK_QUEUE}: run ${outcome.runId ?? '-'} ${what}${outcome.requestState ? `; request ${job.data.requestId} ${outcome.requestState}` : ''}`);
  });
  return { queue: RUNBOOK_QUEUE, id };
}

/**
 * The leader's look-out, every `intervalMs`: approved requests, runs nobody executes (new dry runs,
 * a dead worker's run once its lease lapses) and unclosed requests go to the queue.
 */
export function startRunbookDispatch(boss: PgBoss, ctx: Pick<RunbookJobContext, 'db' | 'isLeader' | 'log'> & { intervalMs?: number }): { stop(): Promise<void> } {
  let stopped = false;
  let lastError: string | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    if (!ctx.isLeader()) return;
    for (const work of await findRunbookWork(ctx.db)) {
      await boss.send(RUNBOOK_QUEUE, work, { singletonKey: work.runId ?? work.requestId ?? undefined });
    }
  };
  const loop = () => {
    if (stopped) return;
    running = tick()
      .then(() => (lastError = undefined))
      .catch((error: unknown) => {
        if (describeError(error) !== lastError) ctx.log(`runbook dispatch failed: ${describeError(error)}`);
        lastError = describeError(error);
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, ctx.intervalMs ?? 2_000);
      });
  };
  let timer = setTimeout(loop, 0);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
