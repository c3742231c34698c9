import { listSecretReferences } from './list-secret-references';
import type { LifeboatConfig } from './schema';

/** One line that says what a configuration protects and how, for start-up logs and config:check. */
export function summarizeConfig(config: LifeboatConfig): string {
  const { regions, objectives, components, approvals, notifications } = config;
  const collections = components.qdrant.primary.collections.length;
  const secrets = listSecretReferences(config).length;
  return [
    `${config.name}: ${config.deploymentModel} standby, ${regions.primary.name} → ${regions.secondary.name}`,
    `RPO ${objectives.rpoMinutes} min, RTO ${objectives.rtoMinutes} min`,
    `${collections} Qdrant collection${collections === 1 ? '' : 's'}`,
    `${approvals.approversRequired} approvers${approvals.breakGlass.enabled ? ' (break-glass on)' : ''}`,
    `${notifications.targets.length} notification target${notifications.targets.length === 1 ? '' : 's'}`,
    `${secrets} secret${secrets === 1 ? '' : 's'} from the environment`,
    `sign-in ${config.auth.protocol}`,
  ].join(' · ');
}
