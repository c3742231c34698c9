import { describeDuration } from '@/lib/domain/describe-duration';
import { measureAge } from '@/lib/domain/measure-age';
import type { ProbeResult } from '@/lib/domain/probe-results';

/** As on the board: a probe older than two intervals no longer says what is true now. */
export function staleProbeNote(probe: ProbeResult, now: Date, intervalSeconds: number): string | null {
  const age = measureAge(probe.at, now);
  return age.seconds > 2 * intervalSeconds ? `the newest probe is ${describeDuration(age.seconds)} old (the worker probes every ${intervalSeconds} s)` : null;
}
