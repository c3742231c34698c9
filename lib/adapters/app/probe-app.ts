import type { AppMetrics, ProbeRegion, ProbeResult } from '@/lib/domain/probe-results';
import { httpGet } from '../probing/http-get';
import type { ProbeContext } from '../probing/probe-context';
import { runTimedProbe, type Measurement } from '../probing/run-timed-probe';

export type AppProbeSettings = { region: ProbeRegion; healthUrl: string };

const STATUSES = ['ok', 'degraded', 'unavailable'] as const;

/** The status the app reports in its JSON body; without one, what the HTTP status implies. */
function statusOf(httpStatus: number, body: string): AppMetrics['status'] {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'status' in parsed) {
      const reported = STATUSES.find((status) => status === parsed.status);
      if (reported) return reported;
    }
  } catch {
    // Not JSON: judge by the status code alone.
  }
  return httpStatus >= 200 && httpStatus < 300 ? 'ok' : 'unavailable';
}

/**
 * GET the region's health URL. An app that answers "unavailable" is unhealthy: ok=false with an
 * error, but its metrics are kept (status + HTTP code). No answer at all: metrics null.
 */
export function probeApp(settings: AppProbeSettings, context: ProbeContext = {}): Promise<ProbeResult<'app'>> {
  return runTimedProbe({ component: 'app', region: settings.region, target: '-' }, context, async (signal): Promise<Measurement<'app'>> => {
    const answer = await httpGet(settings.healthUrl, { signal, caPem: context.caPem });
    const metrics: AppMetrics = { status: statusOf(answer.status, answer.body), httpStatus: answer.status };
    if (metrics.status === 'unavailable') return { unhealthy: `app reports unavailable (HTTP ${answer.status})`, metrics };
    return metrics;
  });
}
