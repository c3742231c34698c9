import { getOpenAi, type OpenAiEndpoint } from './get-open-ai';

/** The deployment answers at the endpoint and is provisioned (`status: succeeded`); throws naming what is wrong. */
export async function checkOpenAiDeployment(target: OpenAiEndpoint, deployment: string, signal: AbortSignal): Promise<void> {
  const what = `Azure OpenAI deployment ${deployment} at ${target.endpoint}`;
  const body = await getOpenAi(target, `deployments/${encodeURIComponent(deployment)}`, what, signal);
  const status = (JSON.parse(body) as { status?: unknown }).status;
  if (status !== 'succeeded') throw new Error(`${what} is not ready (status ${JSON.stringify(status)})`);
}
