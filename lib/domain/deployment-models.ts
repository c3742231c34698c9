/** The DR plan's three deployment models, cheapest first; the config schema validates against this list. */
export const DEPLOYMENT_MODELS = ['cold', 'warm', 'active-active'] as const;
export type DeploymentModel = (typeof DEPLOYMENT_MODELS)[number];
