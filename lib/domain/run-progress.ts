/** How far a run has used its time objective: the share (capped at 1 for a bar), what is left, and whether it is over. */
export type RunProgress = { elapsedSeconds: number; objectiveSeconds: number; fraction: number; remainingSeconds: number; over: boolean };

export function progressAgainstObjective(elapsedSeconds: number, objectiveSeconds: number): RunProgress {
  const elapsed = Math.max(0, elapsedSeconds);
  const objective = Math.max(1, objectiveSeconds);
  return { elapsedSeconds: elapsed, objectiveSeconds: objective, fraction: Math.min(1, elapsed / objective), remainingSeconds: Math.max(0, objective - elapsed), over: elapsed > objective };
}
