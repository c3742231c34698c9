import type { ProbeResult } from '@/lib/domain/probe-results';
import type { ProbeCycle } from '@/lib/probes/run-probe-cycle';

/** Called with every recorded cycle's results (alert evaluation plugs in here). */
export type AfterProbeCycle = (results: ProbeResult[]) => Promise<void>;

export type ProbeLoopOptions = {
  intervalMs: number;
  isLeader: () => boolean;
  runCycle: () => Promise<ProbeCycle>;
  record: (cycle: ProbeCycle) => Promise<void>;
  afterProbeCycle?: AfterProbeCycle;
  log: (line: string) => void;
};

export type ProbeLoop = {
  /** Stops ticking at once; resolves when a cycle still running has finished (and been recorded if still leading). */
  stop(): Promise<void>;
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The leader's probe timer (pg-boss cron is minute-grained): a cycle every interval, at a fixed
 * rate, skipped while the previous one still runs. Leadership is checked when a cycle starts and
 * again before its results are written, since it can move while probes run.
 */
export function startProbeLoop(options: ProbeLoopOptions): ProbeLoop {
  let stopped = false;
  let running: Promise<void> | undefined;
  let failing: string | undefined;

  const fail = (what: string, error: unknown) => {
    const text = `${what}: ${message(error)}`;
    if (failing !== text) options.log(text);
    failing = text;
  };

  const cycle = async () => {
    try {
      const result = await options.runCycle();
      // A stop alone does not drop a finished cycle: whoever stops the loop decides leadership.
      if (!options.isLeader()) {
        options.log(`probe cycle ${result.cycleId} dropped: no longer leading`);
        return;
      }
      await options.record(result);
      if (failing) options.log('probe cycle recovered');
      failing = undefined;
      const down = result.results.filter((probe) => !probe.ok).length;
      if (down > 0) options.log(`probe cycle ${result.cycleId}: ${down} of ${result.results.length} probes failed (${result.durationMs} ms)`);
      if (options.afterProbeCycle) await options.afterProbeCycle(result.results).catch((error: unknown) => fail('after-probe-cycle hook failed', error));
    } catch (error) {
      fail('probe cycle failed', error);
    }
  };

  const tick = () => {
    if (stopped || !options.isLeader()) return;
    if (running) {
      options.log('probe cycle skipped: the previous one is still running');
      return;
    }
    running = cycle().finally(() => {
      running = undefined;
    });
  };

  const timer = setInterval(tick, options.intervalMs);
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
