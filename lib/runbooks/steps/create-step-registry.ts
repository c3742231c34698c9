import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import type { StepRegistry } from '../step-handler';
import { announceDrill } from './announce-drill';
import { checkHealth } from './check-health';
import { failoverStorageAccount } from './failover-storage-account';
import { restoreQdrantCollectionStep } from './restore-qdrant-collection';
import { restoreRedisStep } from './restore-redis';
import { scaleNodePool } from './scale-node-pool';
import { setOriginWeights } from './set-origin-weights';
import { snapshotQdrantCollectionStep } from './snapshot-qdrant-collection';
import type { StepOptions } from './step-options';
import { switchOpenAiEndpoint } from './switch-openai-endpoint';
import { switchSimulatedFailure } from './switch-simulated-failure';
import { switchRoute } from './switch-route';
import { validateServing } from './validate-serving';

/** Every plan action's handler, against the configured Azure, Qdrant and Redis (or the lab). */
export function createStepRegistry(db: Db, config: LifeboatConfig, options: StepOptions = {}): StepRegistry {
  return {
    'check-health': checkHealth(config, options),
    'scale-node-pool': scaleNodePool(config, options),
    'restore-qdrant-collection': restoreQdrantCollectionStep(db, config),
    'snapshot-qdrant-collection': snapshotQdrantCollectionStep(db, config),
    'restore-redis': restoreRedisStep(db, config),
    'switch-route': switchRoute(config, options),
    'set-origin-weights': setOriginWeights(config, options),
    'validate-serving': validateServing(config, options),
    'switch-openai-endpoint': switchOpenAiEndpoint(config, options),
    'failover-storage-account': failoverStorageAccount(config, options),
    'announce-drill': announceDrill(db, config),
    'simulate-region-failure': switchSimulatedFailure(config, options),
    'end-region-failure': switchSimulatedFailure(config, options),
  };
}
