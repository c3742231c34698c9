import type { PlanTopology } from '../build-change-plan';

/** A two-collection topology for plan and runbook tests (the secondary's standby pool is smaller than the primary's). */
export const TEST_TOPOLOGY: PlanTopology = {
  regions: { primary: { name: 'canadacentral' }, secondary: { name: 'canadaeast' } },
  collections: ['documents', 'faq'],
  frontDoor: {
    profile: 'afd-rag',
    endpoint: 'rag',
    route: 'default-route',
    originGroups: { primary: 'og-canadacentral', secondary: 'og-canadaeast' },
    origins: { primary: { name: 'origin-canadacentral' }, secondary: { name: 'origin-canadaeast' } },
    publicUrl: 'https://rag.example',
  },
  aks: {
    primary: { cluster: 'aks-c', nodePool: 'userpool', standbyNodeCount: 3, productionNodeCount: 6 },
    secondary: { cluster: 'aks-e', nodePool: 'userpool', standbyNodeCount: 2, productionNodeCount: 6 },
  },
  estimates: { 'scale-aks': 15, 'restore-qdrant': 15, 'restore-redis': 15, 'switch-front-door': 15, validate: 15 },
  failback: { soakSeconds: 60, monitoringMinutes: 30 },
};
