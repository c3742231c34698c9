/** Raised when a probe outlives its deadline; its message is what the board shows. */
export class ProbeTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
    this.name = 'ProbeTimeoutError';
  }
}

const MAX_LENGTH = 300;
const WRAPPER_MESSAGES = /^(fetch failed|terminated|)$/i;

/**
 * One short line for a failed probe. fetch wraps socket errors as "fetch failed" with the real
 * one in `cause`, and Node joins happy-eyeballs attempts in an AggregateError: show the root.
 */
export function describeProbeError(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth += 1) {
    if (current instanceof AggregateError && current.errors.length > 0) current = current.errors[0];
    else if (current instanceof Error && current.cause instanceof Error && WRAPPER_MESSAGES.test(current.message)) current = current.cause;
    else break;
  }
  const text = current instanceof Error ? current.message || (current as NodeJS.ErrnoException).code || current.name : String(current);
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_LENGTH);
}
