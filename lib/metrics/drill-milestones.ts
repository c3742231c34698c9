import type { UpcomingDrill } from '@/lib/db/metrics/read-next-drill';
import type { JudgedDrill } from './judge-drill';

/** What the board shows about drills; ISO times (it travels in the board's JSON). */
export type DrillMilestones = {
  lastSuccessful: { id: string; title: string; at: string; rtoSeconds: number | null; rpoSeconds: number | null } | null;
  next: { id: string; title: string; state: string; scheduledFor: string } | null;
};

/** The newest drill that passed (by when it served). */
export function lastSuccessfulDrill(judged: readonly JudgedDrill[]): DrillMilestones['lastSuccessful'] {
  const passed = judged.filter((drill) => drill.result === 'passed').reduce<JudgedDrill | null>((best, drill) => (!best || drill.ranAt > best.ranAt ? drill : best), null);
  return passed ? { id: passed.id, title: passed.title, at: passed.ranAt.toISOString(), rtoSeconds: passed.run.rtoSeconds, rpoSeconds: passed.run.rpoSeconds } : null;
}

export function nextDrillMilestone(next: UpcomingDrill | null): DrillMilestones['next'] {
  return next ? { id: next.id, title: next.title, state: next.state, scheduledFor: next.scheduledFor.toISOString() } : null;
}
