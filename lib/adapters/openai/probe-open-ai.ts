import type { OpenAiMetrics, ProbeRegion, ProbeResult } from '@/lib/domain/probe-results';
import type { ProbeContext } from '../probing/probe-context';
import { runTimedProbe } from '../probing/run-timed-probe';
import { getOpenAi } from './get-open-ai';
import type { OpenAiAuth } from './open-ai-auth';

export type OpenAiProbeSettings = { region: ProbeRegion; endpoint: string; auth: OpenAiAuth };

function deploymentCount(body: string): number {
  const parsed: unknown = JSON.parse(body);
  if (typeof parsed === 'object' && parsed !== null && 'data' in parsed && Array.isArray(parsed.data)) return parsed.data.length;
  throw new Error('the deployments list has no data array');
}

/** Endpoint health: the resource lists its deployments. */
export function probeOpenAi(settings: OpenAiProbeSettings, context: ProbeContext = {}): Promise<ProbeResult<'openai'>> {
  return runTimedProbe({ component: 'openai', region: settings.region, target: '-' }, context, async (signal): Promise<OpenAiMetrics> => {
    const body = await getOpenAi({ endpoint: settings.endpoint, auth: settings.auth, caPem: context.caPem }, 'deployments', 'deployments list', signal);
    return { deployments: deploymentCount(body) };
  });
}
