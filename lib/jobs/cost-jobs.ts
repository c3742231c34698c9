import type { PgBoss } from 'pg-boss';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { countCostMonths } from '@/lib/db/costs/count-cost-months';
import { refreshCosts } from '@/lib/costs/refresh-costs';
import { NotLeaderError } from './not-leader-error';

export const COST_REFRESH_QUEUE = 'costs.refresh';

export type CostJobContext = { db: Db; config: LifeboatConfig; isLeader: () => boolean; log: (line: string) => void; caPem?: string };

/** The daily refresh (costs.refreshCron); exclusive, so two refreshes never race on the same month. */
export async function declareCostJobs(boss: PgBoss, config: LifeboatConfig): Promise<void> {
  await boss.createQueue(COST_REFRESH_QUEUE, { policy: 'exclusive', retryLimit: 2, retryDelay: 300, expireInSeconds: 900, deleteAfterSeconds: 7 * 86_400 });
  await boss.schedule(COST_REFRESH_QUEUE, config.costs.refreshCron, null, { tz: 'UTC' });
}

/** Leader-only handler; also queues a refresh at once while nothing is stored, so the page has data on day one. */
export async function workCostJobs(boss: PgBoss, ctx: CostJobContext): Promise<{ queue: string; id: string }> {
  const id = await boss.work(COST_REFRESH_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    if (!ctx.isLeader()) throw new NotLeaderError(COST_REFRESH_QUEUE);
    const refresh = await refreshCosts(ctx.db, ctx.config, new Date(), { caPem: ctx.caPem });
    ctx.log(`${COST_REFRESH_QUEUE}: stored ${refresh.months.join(', ')} (${refresh.source})`);
  });
  if ((await countCostMonths(ctx.db)) === 0) await boss.send(COST_REFRESH_QUEUE, {});
  return { queue: COST_REFRESH_QUEUE, id };
}
