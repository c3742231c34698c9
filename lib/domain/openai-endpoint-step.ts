import type { PlanStep } from './change-plan';

type Side = 'primary' | 'secondary';

/** The topology the OpenAI endpoint switch is built from (present only when the step is enabled). */
export type OpenAiEndpointSwitch = {
  /** The Key Vault secret the application reads its Azure OpenAI endpoint from. */
  secretName: string;
  /** The deployment the application calls: it must answer in the target region first. */
  deployment: string;
  endpoints: Record<Side, string>;
  vaults: Record<Side, string>;
};

/** Points the application at the target region's Azure OpenAI: the DR plan's "update backend config to secondary endpoint". */
export function openAiEndpointStep(settings: OpenAiEndpointSwitch, from: Side, to: Side, toName: string, id: string, dependsOn: string[]): PlanStep {
  return {
    id,
    action: 'switch-openai-endpoint',
    title: `Azure OpenAI ${toName}: check deployment ${settings.deployment} answers at ${settings.endpoints[to]}, then set Key Vault secret ${settings.secretName} in ${settings.vaults[to]} to that endpoint (was ${settings.endpoints[from]})`,
    target: `keyvault/${to}/${settings.secretName}`,
    params: {
      region: to,
      deployment: settings.deployment,
      endpoint: settings.endpoints[to],
      fromEndpoint: settings.endpoints[from],
      vault: settings.vaults[to],
      secret: settings.secretName,
    },
    dependsOn,
    optional: false,
    estimateMinutes: 1,
  };
}
