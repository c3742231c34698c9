import type { TokenCredential } from '@azure/core-auth';
import type { OpenAiMetrics, ProbeRegion, ProbeResult } from '@/lib/domain/probe-results';
import { httpGet } from '../probing/http-get';
import type { ProbeContext } from '../probing/probe-context';
import { runTimedProbe } from '../probing/run-timed-probe';

/** The data-plane version whose deployments list both Azure and the lab answer. */
export const OPENAI_API_VERSION = '2022-12-01';
const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

export type OpenAiProbeSettings = {
  region: ProbeRegion;
  endpoint: string;
  /** A resource key; otherwise an Entra token from `credential`. */
  auth: { apiKey: string } | { credential: TokenCredential };
};

function deploymentCount(body: string): number {
  const parsed: unknown = JSON.parse(body);
  if (typeof parsed === 'object' && parsed !== null && 'data' in parsed && Array.isArray(parsed.data)) return parsed.data.length;
  throw new Error('the deployments list has no data array');
}

/** Endpoint health: the resource lists its deployments. */
export function probeOpenAi(settings: OpenAiProbeSettings, context: ProbeContext = {}): Promise<ProbeResult<'openai'>> {
  return runTimedProbe({ component: 'openai', region: settings.region, target: '-' }, context, async (signal): Promise<OpenAiMetrics> => {
    let headers: Record<string, string>;
    if ('apiKey' in settings.auth) headers = { 'api-key': settings.auth.apiKey };
    else {
      const token = await settings.auth.credential.getToken(COGNITIVE_SERVICES_SCOPE, { abortSignal: signal });
      if (!token) throw new Error('no Entra token for Azure OpenAI');
      headers = { authorization: `Bearer ${token.token}` };
    }
    const url = `${settings.endpoint.replace(/\/+$/, '')}/openai/deployments?api-version=${OPENAI_API_VERSION}`;
    const answer = await httpGet(url, { signal, headers, caPem: context.caPem });
    if (answer.status !== 200) {
      const detail = /"message"\s*:\s*"([^"]{1,160})/.exec(answer.body)?.[1];
      throw new Error(`deployments list answered HTTP ${answer.status}${detail ? `: ${detail}` : ''}`);
    }
    return { deployments: deploymentCount(answer.body) };
  });
}
