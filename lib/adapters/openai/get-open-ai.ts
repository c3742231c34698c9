import { httpGet } from '../probing/http-get';
import type { OpenAiAuth } from './open-ai-auth';
import { openAiAuthHeaders } from './open-ai-auth-headers';

/** The data-plane version whose deployments both Azure and the lab answer. */
export const OPENAI_API_VERSION = '2022-12-01';

export type OpenAiEndpoint = { endpoint: string; auth: OpenAiAuth; caPem?: string };

/** GET `/openai/<path>` with the resource's auth; anything but 200 throws "<what> answered HTTP n: Azure's message". */
export async function getOpenAi(target: OpenAiEndpoint, path: string, what: string, signal: AbortSignal): Promise<string> {
  const url = `${target.endpoint.replace(/\/+$/, '')}/openai/${path}?api-version=${OPENAI_API_VERSION}`;
  const answer = await httpGet(url, { signal, headers: await openAiAuthHeaders(target.auth, signal), caPem: target.caPem });
  if (answer.status !== 200) {
    const detail = /"message"\s*:\s*"([^"]{1,160})/.exec(answer.body)?.[1];
    throw new Error(`${what} answered HTTP ${answer.status}${detail ? `: ${detail}` : ''}`);
  }
  return answer.body;
}
