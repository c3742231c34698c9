import { progressAgainstObjective } from '@/lib/domain/run-progress';
import type { RunView } from './run-view';

/**
 * The view `seconds` after the server built it: a running run's elapsed clock and its running steps'
 * durations move on, so the page ticks each second between polls. A run that has ended stays put.
 */
export function advanceRunView(view: RunView, seconds: number): RunView {
  if (view.run.state !== 'running' || seconds <= 0) return view;
  return {
    ...view,
    progress: progressAgainstObjective(view.progress.elapsedSeconds + seconds, view.progress.objectiveSeconds),
    steps: view.steps.map((step) => (step.state === 'running' && step.durationSeconds !== null ? { ...step, durationSeconds: step.durationSeconds + seconds } : step)),
  };
}
