import type { JudgedDrill } from '@/lib/metrics/judge-drill';

/** The newest drill whose run has ended (judged drills come newest first); a drill still running has no recovery result yet. */
export function newestFinishedDrill(judged: readonly JudgedDrill[]): JudgedDrill | null {
  return judged.find((drill) => drill.run.state !== 'running') ?? null;
}
