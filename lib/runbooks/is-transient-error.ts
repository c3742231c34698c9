import { describeError } from '@/lib/domain/describe-error';
import { VerdictFailure } from './verdict-failure';

/** Network failures worth another attempt, as Node and the Azure SDKs name them in `error.code`. */
export const NETWORK_CODES: readonly string[] = ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'ENOTFOUND', 'REQUEST_SEND_ERROR'];

const NETWORK_CODE_SET = new Set(NETWORK_CODES);
// The replication pipelines and adapters report failures as text ("…: HTTP 503 …", "connect ECONNREFUSED …").
const TRANSIENT_TEXT = new RegExp(`\\b(${NETWORK_CODES.join('|')})\\b|\\bsocket hang up\\b|\\bHTTP (429|5\\d\\d)\\b`);

/**
 * The engine's default retry predicate: throttling (429), server errors (5xx) and network failures,
 * as the Azure SDKs report them (statusCode/status, code) or as a message names them. Not retried:
 * a timeout (the step may still be running) and a step's VerdictFailure.
 */
export function isTransientError(error: unknown): boolean {
  if (error instanceof VerdictFailure) return false;
  if (typeof error === 'object' && error !== null) {
    const { statusCode, status, code } = error as { statusCode?: unknown; status?: unknown; code?: unknown };
    const http = typeof statusCode === 'number' ? statusCode : typeof status === 'number' ? status : undefined;
    if (http !== undefined) return http === 429 || http >= 500;
    if (typeof code === 'string' && NETWORK_CODE_SET.has(code)) return true;
  }
  return TRANSIENT_TEXT.test(describeError(error));
}
