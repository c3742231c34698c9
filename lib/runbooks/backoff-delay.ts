import type { RetryPolicy } from './step-handler';

/**
 * The wait before the attempt after `failedAttempt`: exponential, capped, with "equal jitter"
 * (half fixed, half random) so executors retrying the same API spread out but never retry at once.
 */
export function backoffDelayMs(failedAttempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
