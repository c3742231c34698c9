import { readSecret } from '@/lib/config/read-secret';
import type { LifeboatConfig } from '@/lib/config/schema';
import { isTransientError } from '../is-transient-error';
import type { StepHandler } from '../step-handler';
import { VerdictFailure } from '../verdict-failure';
import { createArmClients } from './create-arm-clients';
import { describeAnswer, getStatus } from './get-status';
import { type StepOptions } from './step-options';
import { regionParam } from './step-params';

/**
 * `check-health`: is the target region fit to serve? Its app's /health (200; degraded without
 * Redis still counts, as the DR plan allows), its Qdrant /readyz, and its AKS pool powerState
 * Running. Read-only, so check() always says not-done: an interrupted check simply runs again.
 */
export function checkHealth(config: LifeboatConfig, options: StepOptions = {}): StepHandler {
  const c = config.components;
  return {
    timeoutMs: 2 * 60_000,
    describe: ({ step }) => {
      const role = regionParam(step);
      return `GET ${c.aks[role].healthUrl} (expect 200); GET ${c.qdrant[role].url}/readyz (expect 200); ContainerServiceClient(${c.frontDoor.armEndpoint}).agentPools.get(${c.aks[role].resourceGroup}, ${c.aks[role].cluster}, ${c.aks[role].nodePool}) (expect powerState Running): no changes`;
    },
    check: async () => 'not-done',
    execute: async ({ step, signal }) => {
      const role = regionParam(step);
      const apiKey = readSecret(c.qdrant[role].apiKeyEnv);
      const { aks } = createArmClients(config, options);
      const [app, qdrant, pool] = await Promise.all([
        getStatus(c.aks[role].healthUrl, signal, { caPem: options.caPem }),
        getStatus(`${c.qdrant[role].url}/readyz`, signal, { caPem: options.caPem, ...(apiKey ? { headers: { 'api-key': apiKey } } : {}) }),
        aks.agentPools.get(c.aks[role].resourceGroup, c.aks[role].cluster, c.aks[role].nodePool, { abortSignal: signal }).catch((error: unknown) => {
          // ARM throttling says nothing about the region: let the engine retry it.
          if (isTransientError(error)) throw error;
          return { error: error instanceof Error ? error.message : String(error) };
        }),
      ]);
      const unhealthy: string[] = [];
      if (!('status' in app) || app.status !== 200) unhealthy.push(`app ${c.aks[role].healthUrl} ${describeAnswer(app)}`);
      if (!('status' in qdrant) || qdrant.status !== 200) unhealthy.push(`Qdrant ${c.qdrant[role].url}/readyz ${describeAnswer(qdrant)}`);
      const power = 'error' in pool ? null : (pool.powerState?.code ?? 'Unknown');
      if ('error' in pool) unhealthy.push(`AKS pool ${c.aks[role].cluster}/${c.aks[role].nodePool} could not be read: ${pool.error}`);
      else if (power !== 'Running') unhealthy.push(`AKS pool ${c.aks[role].cluster}/${c.aks[role].nodePool} powerState ${power}`);
      const region = config.regions[role].name;
      if (unhealthy.length > 0) throw new VerdictFailure(`${region} is not healthy enough to serve: ${unhealthy.join('; ')}`);
      return { region, app: 'ok', qdrant: 'ready', aks: { powerState: power, nodeCount: 'error' in pool ? null : (pool.count ?? null) } };
    },
  };
}
