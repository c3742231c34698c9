import { ArmError } from './arm-error';

/** Seconds a throttled client is told to wait: short, so drills and tests see the retry quickly. */
const RETRY_AFTER_SECONDS = 1;

/** The "next N calls fail" switch: each request takes one failure until none are left. */
export type ArmFaults = { failNextCalls(n: number, status: 429 | 500): void; take(): ArmError | null };

export function createArmFaults(): ArmFaults {
  let remaining = 0;
  let status: 429 | 500 = 500;
  return {
    failNextCalls: (n, failWith) => {
      if (!Number.isInteger(n) || n < 0) throw new Error(`failNextCalls needs a whole number of calls (got ${n})`);
      remaining = n;
      status = failWith;
    },
    take: () => {
      if (remaining <= 0) return null;
      remaining -= 1;
      if (status === 429) {
        return new ArmError(429, 'TooManyRequests', `The request is being throttled; retry after ${RETRY_AFTER_SECONDS} second(s). (lab fault: failNextCalls)`, {
          'retry-after': String(RETRY_AFTER_SECONDS),
          'x-ms-ratelimit-remaining-subscription-reads': '0',
        });
      }
      return new ArmError(500, 'InternalServerError', 'Encountered internal server error. (lab fault: failNextCalls)');
    },
  };
}
