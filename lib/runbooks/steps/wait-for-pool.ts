import type { AgentPool, ContainerServiceClient } from '@azure/arm-containerservice';
import { sleepOrAbort } from './sleep-or-abort';

export type PoolRef = { resourceGroup: string; cluster: string; nodePool: string };

/** Polls the agent pool until no operation runs on it (provisioningState Succeeded); Failed is an error. */
export async function waitForPool(client: ContainerServiceClient, pool: PoolRef, pollMs: number, signal: AbortSignal): Promise<AgentPool> {
  for (;;) {
    const current = await client.agentPools.get(pool.resourceGroup, pool.cluster, pool.nodePool, { abortSignal: signal });
    if (current.provisioningState === 'Succeeded') return current;
    if (current.provisioningState === 'Failed') throw new Error(`agent pool ${pool.cluster}/${pool.nodePool} is in provisioningState Failed`);
    await sleepOrAbort(pollMs, signal);
  }
}
