import { describeOffset } from '@/lib/domain/describe-offset';
import type { RunProgress } from '@/lib/domain/run-progress';
import type { RtoClockFrom } from '@/lib/run-view/run-view';

// The recorded RTO counts from the request (a drill: its simulated failure), so a real run's clock does too.
const SINCE: Record<RtoClockFrom, string> = { run: 'since the run started', request: 'since the request was made', 'simulated-failure': 'since the simulated failure' };

/** Elapsed time against the RTO objective, and since when: the bar turns amber past three quarters and red once over. */
export function RunElapsedBar({ progress, clockFrom, running, dryRun }: { progress: RunProgress; clockFrom: RtoClockFrom; running: boolean; dryRun: boolean }) {
  const objectiveMinutes = Math.round(progress.objectiveSeconds / 60);
  const colour = progress.over ? 'bg-rose-500' : progress.fraction > 0.75 ? 'bg-amber-500' : 'bg-sky-500';
  const text = `T+ ${describeOffset(progress.elapsedSeconds)} ${SINCE[clockFrom]}, of ${objectiveMinutes} min RTO`;
  return (
    <div>
      <p className="flex flex-wrap justify-between gap-2 text-sm">
        <span data-testid="run-elapsed" data-seconds={Math.floor(progress.elapsedSeconds)} data-since={clockFrom} className="font-medium tabular-nums">
          {text}
        </span>
        <span className="text-slate-400">
          {progress.over
            ? `over the objective by ${describeOffset(progress.elapsedSeconds - progress.objectiveSeconds)}`
            : running
              ? `${describeOffset(progress.remainingSeconds)} left`
              : dryRun
                ? 'a dry run calls nothing, so it is quick'
                : 'ended'}
        </span>
      </p>
      <div role="meter" aria-label="Elapsed time against the RTO objective" aria-valuemin={0} aria-valuemax={progress.objectiveSeconds} aria-valuenow={Math.min(progress.elapsedSeconds, progress.objectiveSeconds)} aria-valuetext={text} className="mt-1 h-2 rounded-full bg-slate-800">
        <div className={`h-full rounded-full ${colour}`} style={{ width: `${Math.max(0.5, progress.fraction * 100)}%` }} />
      </div>
    </div>
  );
}
