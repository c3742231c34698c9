import { z } from 'zod';
import { ArmError, resourceNotFound } from '../arm-error';
import type { ArmRequest, ArmRoute } from '../arm-handler';
import { recordKey, type AgentPoolRecord, type ClusterRecord } from '../arm-state';
import { operationHeaders, operationUrls } from '../operations/operation-urls';
import { requireResourceGroup } from '../require-scope';
import { presentAgentPool, presentCluster } from './present-aks-resource';

const CLUSTER = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/{resourceName}';

/** The agent pool fields the lab acts on; the rest of a full AgentPool body is accepted and ignored. */
const AgentPoolBody = z.object({
  properties: z
    .object({
      count: z.int().min(0).max(1000).default(1),
      vmSize: z.string().min(1).optional(),
      mode: z.enum(['System', 'User']).optional(),
      osType: z.enum(['Linux', 'Windows']).optional(),
      osSKU: z.string().min(1).optional(),
      orchestratorVersion: z.string().optional(),
      maxPods: z.int().min(10).max(250).optional(),
      enableAutoScaling: z.boolean().optional(),
    })
    .prefault({}),
});

function invalidParameter(message: string): ArmError {
  return new ArmError(400, 'InvalidParameter', message);
}

function requireCluster(request: ArmRequest): ClusterRecord {
  const { state } = request.store;
  const resourceGroup = requireResourceGroup(state, request.params.subscriptionId, request.params.resourceGroupName);
  const cluster = state.clusters[recordKey(resourceGroup, request.params.resourceName ?? '')];
  if (!cluster) throw resourceNotFound('Microsoft.ContainerService/managedClusters', request.params.resourceName ?? '', `resource group '${resourceGroup}'`);
  return cluster;
}

function poolsOf(request: ArmRequest, cluster: ClusterRecord): AgentPoolRecord[] {
  return Object.values(request.store.state.agentPools).filter((pool) => recordKey(pool.resourceGroup, pool.cluster) === recordKey(cluster.resourceGroup, cluster.name));
}

function parsePool(body: unknown) {
  const result = AgentPoolBody.safeParse(body);
  if (result.success) return result.data.properties;
  const issue = result.error.issues[0];
  const field = issue?.path.filter((part) => part !== 'properties').join('.') || 'properties';
  throw invalidParameter(`The value of parameter agentPoolProfile.${field} is invalid: ${issue?.message ?? 'invalid'}.`);
}

/**
 * Creates or updates (scales) a pool as AKS does: the pool shows Scaling (or Creating) at once with
 * the requested count, and the operation takes nodeDelayMs per node added or removed.
 */
async function putAgentPool(request: ArmRequest) {
  const cluster = requireCluster(request);
  const { state } = request.store;
  const properties = parsePool(request.body);
  const name = request.params.agentPoolName ?? '';
  if (!/^[a-z][a-z0-9]{0,11}$/.test(name)) throw invalidParameter(`Agent pool name '${name}' is invalid: 1-12 lowercase letters and digits, starting with a letter.`);
  if (properties.enableAutoScaling) throw invalidParameter('The lab does not emulate the cluster autoscaler: set enableAutoScaling to false and choose a count.');
  const key = recordKey(cluster.resourceGroup, cluster.name, name);
  const existing = state.agentPools[key];
  if (existing?.operationId) {
    throw new ArmError(409, 'OperationNotAllowed', `Operation is not allowed because there's an in progress ${existing.provisioningState.toLowerCase()} operation on agent pool '${existing.name}'.`);
  }
  if (existing && properties.vmSize !== undefined && properties.vmSize !== existing.vmSize) {
    throw new ArmError(400, 'PropertyChangeNotAllowed', "Changing property 'vmSize' is not allowed.");
  }
  const mode = properties.mode ?? existing?.mode ?? 'User';
  if (mode === 'System' && properties.count < 1) throw invalidParameter('The value of parameter agentPoolProfile.count is invalid: a System pool needs at least 1 node.');

  const fromCount = existing?.count ?? 0;
  const pool: AgentPoolRecord = existing ?? {
    resourceGroup: cluster.resourceGroup,
    cluster: cluster.name,
    name,
    count: 0,
    vmSize: properties.vmSize ?? 'Standard_D4s_v5',
    mode,
    osType: properties.osType ?? 'Linux',
    osSKU: properties.osSKU ?? 'Ubuntu',
    orchestratorVersion: properties.orchestratorVersion || cluster.kubernetesVersion,
    maxPods: properties.maxPods ?? 110,
    provisioningState: 'Creating',
    countHistory: [{ at: new Date().toISOString(), count: 0 }],
  };
  pool.count = properties.count;
  pool.mode = mode;
  const delta = Math.abs(properties.count - fromCount);
  const duration = delta > 0 ? delta * request.settings.nodeDelayMs : request.settings.lroDelayMs;
  const operation = request.store.startOperation('Microsoft.ContainerService', { kind: 'agentPool', key, toCount: properties.count }, duration);
  pool.provisioningState = existing ? (delta > 0 ? 'Scaling' : 'Updating') : 'Creating';
  pool.operationId = operation.id;
  state.agentPools[key] = pool;
  await request.store.commit();
  const urls = operationUrls(request.baseUrl, operation, { subscriptionId: state.subscriptionId, resourceGroup: cluster.resourceGroup, location: cluster.location }, request.apiVersion);
  return { status: existing ? 200 : 201, body: presentAgentPool(state.subscriptionId, pool), headers: operationHeaders(urls) };
}

export const AKS_ROUTES: ArmRoute[] = [
  {
    provider: 'Microsoft.ContainerService',
    template: CLUSTER,
    methods: {
      GET: (request) => {
        const cluster = requireCluster(request);
        return { status: 200, body: presentCluster(request.store.state.subscriptionId, cluster, poolsOf(request, cluster)) };
      },
    },
  },
  {
    provider: 'Microsoft.ContainerService',
    template: `${CLUSTER}/agentPools`,
    methods: {
      GET: (request) => {
        const cluster = requireCluster(request);
        return { status: 200, body: { value: poolsOf(request, cluster).map((pool) => presentAgentPool(request.store.state.subscriptionId, pool)) } };
      },
    },
  },
  {
    provider: 'Microsoft.ContainerService',
    template: `${CLUSTER}/agentPools/{agentPoolName}`,
    methods: {
      GET: (request) => {
        const cluster = requireCluster(request);
        const pool = request.store.state.agentPools[recordKey(cluster.resourceGroup, cluster.name, request.params.agentPoolName ?? '')];
        if (!pool) throw resourceNotFound('Microsoft.ContainerService/managedClusters/agentPools', request.params.agentPoolName ?? '', `managed cluster '${cluster.name}'`);
        return { status: 200, body: presentAgentPool(request.store.state.subscriptionId, pool) };
      },
      PUT: putAgentPool,
    },
  },
];
