import { checkOpenAiDeployment } from '@/lib/adapters/openai/check-open-ai-deployment';
import { OPENAI_API_VERSION } from '@/lib/adapters/openai/get-open-ai';
import { openAiAuth } from '@/lib/adapters/openai/open-ai-auth';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { StepHandler } from '../step-handler';
import { createSecretClient } from './create-secret-client';
import { readSecretValue } from './read-secret-value';
import type { StepOptions } from './step-options';
import { regionParam, stringParam } from './step-params';

/**
 * `switch-openai-endpoint` (optional, config runbooks.optionalSteps.openaiEndpointSwitch): the DR
 * plan's "update backend config to secondary endpoint". The target's deployment must answer first,
 * then the Key Vault secret the app reads, in the target region's vault, is set to the target endpoint.
 */
export function switchOpenAiEndpoint(config: LifeboatConfig, options: StepOptions = {}): StepHandler {
  const read = (vault: string, secret: string, signal: AbortSignal) => readSecretValue(createSecretClient(config, vault, options.caPem), secret, signal);
  return {
    timeoutMs: 2 * 60_000,
    describe: ({ step }) => {
      const [endpoint, deployment, vault, secret] = [stringParam(step, 'endpoint'), stringParam(step, 'deployment'), stringParam(step, 'vault'), stringParam(step, 'secret')];
      return `GET ${endpoint}/openai/deployments/${deployment}?api-version=${OPENAI_API_VERSION} must answer 200 with status succeeded; then SecretClient(${vault}).getSecret(${secret}); unless it already holds ${endpoint}, setSecret(${secret}, ${endpoint}) (was expected ${stringParam(step, 'fromEndpoint')})`;
    },
    check: async ({ step, signal }) => ((await read(stringParam(step, 'vault'), stringParam(step, 'secret'), signal)) === stringParam(step, 'endpoint') ? 'done' : 'not-done'),
    execute: async ({ step, signal, idempotencyKey }) => {
      const [endpoint, deployment, vault, secret] = [stringParam(step, 'endpoint'), stringParam(step, 'deployment'), stringParam(step, 'vault'), stringParam(step, 'secret')];
      await checkOpenAiDeployment({ endpoint, auth: openAiAuth(config, regionParam(step)), caPem: options.caPem }, deployment, signal);
      const client = createSecretClient(config, vault, options.caPem);
      const before = await readSecretValue(client, secret, signal);
      if (before === endpoint) return { vault, secret, deployment, before, after: endpoint, version: null, written: false };
      const written = await client.setSecret(secret, endpoint, { contentType: 'text/uri-list', tags: { 'set-by': `lifeboat:${idempotencyKey}` }, abortSignal: signal });
      return { vault, secret, deployment, before, after: written.value ?? endpoint, version: written.properties.version ?? null, written: true };
    },
  };
}
