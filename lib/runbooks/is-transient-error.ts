const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'ENOTFOUND', 'REQUEST_SEND_ERROR']);

/**
 * The default retry predicate: throttling (429), server errors (5xx) and network failures, as the
 * Azure SDKs report them (statusCode/status, code). A timeout is not: the step may still be running.
 */
export function isTransientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { statusCode, status, code } = error as { statusCode?: unknown; status?: unknown; code?: unknown };
  const http = typeof statusCode === 'number' ? statusCode : typeof status === 'number' ? status : undefined;
  if (http !== undefined) return http === 429 || http >= 500;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}
