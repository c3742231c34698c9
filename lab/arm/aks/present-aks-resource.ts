import type { AgentPoolRecord, ClusterRecord } from '../arm-state';

/** AKS resources as Microsoft.ContainerService returns them (lowercase `resourcegroups` in ids, as its GET examples). */

const NODE_IMAGE_VERSION = 'AKSUbuntu-2204gen2containerd-202511.07.0';

function clusterId(subscriptionId: string, resourceGroup: string, cluster: string): string {
  return `/subscriptions/${subscriptionId}/resourcegroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${cluster}`;
}

function poolProperties(pool: AgentPoolRecord) {
  return {
    count: pool.count,
    vmSize: pool.vmSize,
    osDiskSizeGB: 128,
    osDiskType: 'Managed',
    kubeletDiskType: 'OS',
    maxPods: pool.maxPods,
    type: 'VirtualMachineScaleSets',
    enableAutoScaling: false,
    scaleDownMode: 'Delete',
    provisioningState: pool.provisioningState,
    powerState: { code: 'Running' },
    orchestratorVersion: pool.orchestratorVersion,
    currentOrchestratorVersion: pool.orchestratorVersion,
    enableNodePublicIP: false,
    mode: pool.mode,
    osType: pool.osType,
    osSKU: pool.osSKU,
    nodeImageVersion: NODE_IMAGE_VERSION,
    upgradeSettings: { maxSurge: '10%' },
    enableFIPS: false,
  };
}

export function presentAgentPool(subscriptionId: string, pool: AgentPoolRecord) {
  return {
    id: `${clusterId(subscriptionId, pool.resourceGroup, pool.cluster)}/agentPools/${pool.name}`,
    name: pool.name,
    type: 'Microsoft.ContainerService/managedClusters/agentPools',
    properties: poolProperties(pool),
  };
}

/** The cluster is Updating while one of its pools scales, as AKS reports it. */
export function presentCluster(subscriptionId: string, cluster: ClusterRecord, pools: AgentPoolRecord[]) {
  const busy = pools.some((pool) => pool.provisioningState !== 'Succeeded');
  return {
    id: clusterId(subscriptionId, cluster.resourceGroup, cluster.name),
    location: cluster.location,
    name: cluster.name,
    type: 'Microsoft.ContainerService/managedClusters',
    sku: { name: 'Base', tier: 'Standard' },
    identity: { type: 'SystemAssigned' },
    properties: {
      provisioningState: busy ? 'Updating' : 'Succeeded',
      powerState: { code: 'Running' },
      kubernetesVersion: cluster.kubernetesVersion,
      currentKubernetesVersion: cluster.kubernetesVersion,
      dnsPrefix: cluster.dnsPrefix,
      fqdn: `${cluster.dnsPrefix}-lab00000.hcp.${cluster.location}.azmk8s.io`,
      azurePortalFQDN: `${cluster.dnsPrefix}-lab00000.portal.hcp.${cluster.location}.azmk8s.io`,
      agentPoolProfiles: pools.map((pool) => ({ name: pool.name, ...poolProperties(pool) })),
      nodeResourceGroup: `MC_${cluster.resourceGroup}_${cluster.name}_${cluster.location}`,
      enableRBAC: true,
      supportPlan: 'KubernetesOfficial',
      networkProfile: { networkPlugin: 'azure', networkPolicy: 'none', loadBalancerSku: 'standard', outboundType: 'loadBalancer', serviceCidr: '10.0.0.0/16', dnsServiceIP: '10.0.0.10' },
      maxAgentPools: 100,
    },
  };
}
