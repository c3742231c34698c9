import type { Component, ProbeMetrics, ProbeRegion, ProbeResult } from '@/lib/domain/probe-results';
import { describeProbeError, ProbeTimeoutError } from './describe-probe-error';
import { DEFAULT_PROBE_TIMEOUT_MS, type ProbeContext } from './probe-context';

export type ProbeTarget<C extends Component> = { component: C; region: ProbeRegion; target: string };

/** A measurement that found the component unhealthy, though it answered: ok=false with metrics kept. */
export type UnhealthyMeasurement<C extends Component> = { unhealthy: string; metrics: ProbeMetrics[C] };

export type Measurement<C extends Component> = ProbeMetrics[C] | UnhealthyMeasurement<C>;

function isUnhealthy<C extends Component>(value: Measurement<C>): value is UnhealthyMeasurement<C> {
  return typeof value === 'object' && value !== null && 'unhealthy' in value && typeof value.unhealthy === 'string';
}

/**
 * Runs one probe under its own deadline and never throws: a failure or timeout becomes ok=false
 * with a short error. The signal is aborted at the deadline so the client stops too; the race
 * covers clients that ignore it.
 */
export async function runTimedProbe<C extends Component>(
  target: ProbeTarget<C>,
  context: ProbeContext,
  measure: (signal: AbortSignal) => Promise<Measurement<C>>,
): Promise<ProbeResult<C>> {
  const timeoutMs = context.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const at = context.now?.() ?? new Date();
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ProbeTimeoutError(timeoutMs);
      reject(error);
      controller.abort(error);
    }, timeoutMs);
  });
  const elapsed = () => Math.round(performance.now() - started);
  const work = Promise.resolve().then(() => measure(controller.signal));
  work.catch(() => undefined); // settled after the deadline: nobody is listening any more
  try {
    const measured = await Promise.race([work, deadline]);
    if (isUnhealthy(measured)) return { ...target, at, ok: false, latencyMs: elapsed(), error: measured.unhealthy, metrics: measured.metrics };
    return { ...target, at, ok: true, latencyMs: elapsed(), error: null, metrics: measured };
  } catch (error) {
    const timedOut = error instanceof ProbeTimeoutError || controller.signal.aborted;
    return { ...target, at, ok: false, latencyMs: timedOut ? null : elapsed(), error: timedOut ? `timed out after ${timeoutMs} ms` : describeProbeError(error), metrics: null };
  } finally {
    clearTimeout(timer);
  }
}
