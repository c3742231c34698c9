import type { LifeboatConfig } from '@/lib/config/schema';
import type { PlanTopology } from '@/lib/domain/build-change-plan';
import { FAILOVER_PLANS } from '@/lib/domain/estimate-rto';

/** The configured topology as the plan builder reads it; step estimates from config, else the DR plan's. */
export function planTopology(config: LifeboatConfig): PlanTopology {
  const fd = config.components.frontDoor;
  const blob = config.components.blob;
  const defaults = FAILOVER_PLANS[config.deploymentModel].minutes;
  const overrides = config.rto.stepEstimatesMinutes;
  return {
    regions: { primary: { name: config.regions.primary.name }, secondary: { name: config.regions.secondary.name } },
    collections: config.components.qdrant.primary.collections,
    frontDoor: { profile: fd.profile, endpoint: fd.endpoint, route: fd.route, originGroups: fd.originGroups, origins: fd.origins, publicUrl: fd.publicUrl },
    aks: config.components.aks,
    failback: config.runbooks.failback,
    ...(config.runbooks.optionalSteps.openaiEndpointSwitch
      ? {
          openaiEndpointSwitch: {
            secretName: config.components.keyVault.openaiEndpointSecret,
            deployment: config.components.openai.deployment,
            endpoints: { primary: config.components.openai.primary.endpoint, secondary: config.components.openai.secondary.endpoint },
            vaults: { primary: config.components.keyVault.primary.url, secondary: config.components.keyVault.secondary.url },
          },
        }
      : {}),
    ...(config.lab.controlUrl ? { labControlUrl: config.lab.controlUrl } : {}),
    ...(config.runbooks.optionalSteps.storageAccountFailover && blob.resourceGroup ? { storageFailover: { accountName: blob.accountName, resourceGroup: blob.resourceGroup } } : {}),
    estimates: {
      'scale-aks': overrides['scale-aks'] ?? defaults['scale-aks'],
      'restore-qdrant': overrides['restore-qdrant'] ?? defaults['restore-qdrant'],
      'restore-redis': overrides['restore-redis'] ?? defaults['restore-redis'],
      'switch-front-door': overrides['switch-front-door'] ?? defaults['switch-front-door'],
      validate: overrides.validate ?? defaults.validate,
    },
  };
}
