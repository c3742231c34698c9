import type { StepStatus } from './ready-steps';

/** Where a stopped run stood, in words for the run's error field: what finished, what never started. */
export function describeStop(reason: string, status: ReadonlyMap<string, StepStatus>, notStarted: readonly string[]): string {
  const ids = (state: StepStatus['state']) => [...status].filter(([, s]) => s.state === state).map(([id]) => id);
  const parts = [reason];
  const succeeded = ids('succeeded');
  const failed = ids('failed');
  parts.push(`succeeded: ${succeeded.length ? succeeded.join(', ') : 'none'}`);
  if (failed.length) parts.push(`failed: ${failed.join(', ')}`);
  parts.push(`not started: ${notStarted.length ? notStarted.join(', ') : 'none'}`);
  return parts.join('; ');
}
