import type { Db } from '@/lib/db/client';
import { pruneProbeSamples, type PruneResult } from '@/lib/db/probes/prune-probe-samples';
import { rollUpProbeSamples } from '@/lib/db/probes/roll-up-probe-samples';
import { NotLeaderError } from './not-leader-error';

export const PROBE_ROLLUP_QUEUE = 'probes.roll-up';
/** Hourly, a few minutes past the hour, so cycles that began before it have been written. */
export const PROBE_ROLLUP_CRON = '7 * * * *';

export type ProbeRollupContext = { db: Db; isLeader: () => boolean; log: (line: string) => void; now?: Date };

/** Leader-only: rolls complete hours of probe samples up, then prunes (raw 48 h, roll-ups 400 days). */
export async function rollUpAndPruneProbes(context: ProbeRollupContext): Promise<{ rolledUp: number } & PruneResult> {
  // Checked when acting, not when the job was claimed: leadership may have moved in between.
  if (!context.isLeader()) throw new NotLeaderError(PROBE_ROLLUP_QUEUE);
  const rolledUp = await rollUpProbeSamples(context.db, { now: context.now });
  const pruned = await pruneProbeSamples(context.db, { now: context.now });
  context.log(`probe roll-up: ${rolledUp} hour rows written, ${pruned.samplesDeleted} samples and ${pruned.rollupsDeleted} roll-ups pruned`);
  return { rolledUp, ...pruned };
}
