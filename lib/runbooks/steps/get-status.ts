import { httpGet, type HttpAnswer } from '@/lib/adapters/probing/http-get';

const PER_REQUEST_MS = 5_000;

/** One GET bounded by its own deadline and the step's signal; a refused connection is an answer too. */
export async function getStatus(url: string, signal: AbortSignal, options: { caPem?: string; headers?: Record<string, string> } = {}): Promise<HttpAnswer | { error: string }> {
  try {
    return await httpGet(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(PER_REQUEST_MS)]), ...options });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** "answered 503" or "failed: connect ECONNREFUSED …", for reasons a person reads. */
export const describeAnswer = (answer: HttpAnswer | { error: string }) => ('status' in answer ? `answered ${answer.status}` : `failed: ${answer.error}`);
