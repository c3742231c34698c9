import { ContainerServiceClient } from '@azure/arm-containerservice';
import type { TokenCredential } from '@azure/core-auth';
import type { AksMetrics, ProbeRegion, ProbeResult } from '@/lib/domain/probe-results';
import { azureClientOptions } from '../azure/azure-client-options';
import type { ProbeContext } from '../probing/probe-context';
import { runTimedProbe } from '../probing/run-timed-probe';

export type AksProbeSettings = {
  region: ProbeRegion;
  armEndpoint: string;
  subscriptionId: string;
  resourceGroup: string;
  cluster: string;
  nodePool: string;
  credential: TokenCredential;
};

/** The node pool's node count, power state and provisioning state. */
export function probeAks(settings: AksProbeSettings, context: ProbeContext = {}): Promise<ProbeResult<'aks'>> {
  const target = `${settings.cluster}/${settings.nodePool}`;
  return runTimedProbe({ component: 'aks', region: settings.region, target }, context, async (signal): Promise<AksMetrics> => {
    const client = new ContainerServiceClient(settings.credential, settings.subscriptionId, { endpoint: settings.armEndpoint, ...azureClientOptions(context.caPem) });
    const pool = await client.agentPools.get(settings.resourceGroup, settings.cluster, settings.nodePool, { abortSignal: signal });
    return { nodeCount: pool.count ?? 0, powerState: pool.powerState?.code ?? 'Unknown', provisioningState: pool.provisioningState ?? 'Unknown' };
  });
}
