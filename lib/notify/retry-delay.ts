/** Waits after the 1st, 2nd, … failed attempt; the last repeats. */
export const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000] as const;

/**
 * Delay before the next attempt after `failedAttempts` failures, ±20 % jitter so that many
 * notifications failing together do not retry in lockstep. random() = 0.5 gives the exact step.
 */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const base = RETRY_DELAYS_MS[Math.min(Math.max(failedAttempts, 1), RETRY_DELAYS_MS.length) - 1] ?? 3_600_000;
  return Math.round(base * (0.8 + 0.4 * random()));
}
