import type { LifeboatConfig } from '@/lib/config/schema';
import type { PlanStep } from '@/lib/domain/change-plan';
import type { StepContext, StepHandler } from '../step-handler';
import { VerdictFailure } from '../verdict-failure';
import { sleepOrAbort } from './sleep-or-abort';
import { smokeThroughFrontDoor } from './smoke-through-front-door';
import { createArmClients } from './create-arm-clients';
import { DEFAULT_POLL_MS, type StepOptions } from './step-options';
import { numberParam } from './number-param';
import { regionParam, stringParam } from './step-params';
import { waitForPool, type PoolRef } from './wait-for-pool';

function target(config: LifeboatConfig, ctx: StepContext): PoolRef & { nodeCount: number } {
  const { step } = ctx;
  const role = regionParam(step);
  return { resourceGroup: config.components.aks[role].resourceGroup, cluster: stringParam(step, 'cluster'), nodePool: stringParam(step, 'nodePool'), nodeCount: numberParam(step, 'nodeCount') };
}

const monitoringMs = (step: PlanStep): number => (typeof step.params.afterMonitoringMinutes === 'number' ? step.params.afterMonitoringMinutes * 60_000 : 0);

/**
 * Failback's shrink: the secondary keeps production size until the primary has served for the window
 * (counted from the step's first start, so a retry or a resume does not restart it), and only while
 * the public URL still serves from the primary with passing smoke checks; otherwise it fails unshrunk.
 */
async function waitForMonitoredServing(ctx: StepContext): Promise<void> {
  const remaining = ctx.firstStartedAt.getTime() + monitoringMs(ctx.step) - Date.now();
  if (remaining > 0) await sleepOrAbort(remaining, ctx.signal);
  const url = ctx.step.params.servingUrl;
  const region = ctx.step.params.servingRegion;
  if (typeof url !== 'string' || typeof region !== 'string') return;
  await smokeThroughFrontDoor(url.replace(/\/$/, ''), region, `lifeboat-monitor-${ctx.idempotencyKey.replace(/[^A-Za-z0-9-]/g, '-')}`, ctx.signal).catch((error: unknown) => {
    throw new VerdictFailure(`not scaled down: after the monitoring window ${url} does not serve from ${region} (${error instanceof Error ? error.message : String(error)})`);
  });
}

/**
 * `scale-node-pool`: the agent pool's count set through @azure/arm-containerservice (read, change
 * count, PUT as a long-running operation), then waited on until Succeeded at that count. A pool
 * already at the count is not written; one still scaling there is only waited on.
 */
export function scaleNodePool(config: LifeboatConfig, options: StepOptions = {}): StepHandler {
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
  return {
    timeoutMs: (step) => 15 * 60_000 + monitoringMs(step),
    describe: (ctx) => {
      const t = target(config, ctx);
      const serving = typeof ctx.step.params.servingUrl === 'string' ? ` and smoke checks through ${ctx.step.params.servingUrl} answering from ${String(ctx.step.params.servingRegion)}` : '';
      const wait = monitoringMs(ctx.step) > 0 || serving ? `after a monitoring window of ${monitoringMs(ctx.step) / 60_000} min from the step's first start${serving}, ` : '';
      return `${wait}ContainerServiceClient(${config.components.frontDoor.armEndpoint}, subscription ${config.components.frontDoor.subscriptionId}): agentPools.get(${t.resourceGroup}, ${t.cluster}, ${t.nodePool}); unless already ${t.nodeCount} nodes, agentPools.beginCreateOrUpdateAndWait(${t.resourceGroup}, ${t.cluster}, ${t.nodePool}, { ...current, count: ${t.nodeCount} }); then poll agentPools.get until provisioningState Succeeded with count ${t.nodeCount}`;
    },
    check: async (ctx) => {
      const t = target(config, ctx);
      const pool = await createArmClients(config, options).aks.agentPools.get(t.resourceGroup, t.cluster, t.nodePool, { abortSignal: ctx.signal });
      return pool.count === t.nodeCount && pool.provisioningState === 'Succeeded' ? 'done' : 'not-done';
    },
    execute: async (ctx) => {
      const t = target(config, ctx);
      const { aks } = createArmClients(config, options);
      if (monitoringMs(ctx.step) > 0 || ctx.step.params.servingUrl !== undefined) await waitForMonitoredServing(ctx);
      const started = performance.now();
      // A pool mid-operation refuses a second change (409): let the running one finish first.
      const before = await waitForPool(aks, t, pollMs, ctx.signal);
      const from = before.count ?? 0;
      if (from !== t.nodeCount) {
        await aks.agentPools.beginCreateOrUpdateAndWait(t.resourceGroup, t.cluster, t.nodePool, { ...before, count: t.nodeCount }, { abortSignal: ctx.signal, updateIntervalInMs: pollMs });
      }
      const after = await waitForPool(aks, t, pollMs, ctx.signal);
      if (after.count !== t.nodeCount) throw new Error(`agent pool ${t.cluster}/${t.nodePool} settled at ${after.count ?? 'no'} nodes, not ${t.nodeCount}`);
      return { from, to: t.nodeCount, seconds: Math.round((performance.now() - started) / 100) / 10, written: from !== t.nodeCount };
    },
  };
}
