import type { RecoveryRunRecord } from '@/lib/db/metrics/list-recovery-runs';
import type { Objectives } from '@/lib/domain/drill-criteria';
import type { ChartPoint, DrillResultView, FailoverMetrics, RecoveryEventView } from './failover-metrics';
import type { JudgedDrill } from './judge-drill';
import { measureTrend, movingAverage } from './measure-trend';

// Charts and trends are about recovering onto the standby: failbacks (and storage failovers) are listed, not plotted.
const PLOTTED = new Set(['failover', 'drill']);

const within = (seconds: number | null, objectiveMinutes: number) => (seconds === null ? null : seconds <= objectiveMinutes * 60);

export function toRecoveryEvent(run: RecoveryRunRecord, objectives: Objectives): RecoveryEventView {
  return {
    runId: run.id,
    requestId: run.requestId,
    kind: run.kind,
    state: run.state,
    at: (run.servingAt ?? run.finishedAt ?? run.startedAt).toISOString(),
    startedAt: run.startedAt.toISOString(),
    rtoSeconds: run.rtoSeconds,
    rpoSeconds: run.rpoSeconds,
    rtoWithinObjective: within(run.rtoSeconds, objectives.rtoMinutes),
    rpoWithinObjective: within(run.rpoSeconds, objectives.rpoMinutes),
    drill: run.drill,
  };
}

function series(events: readonly RecoveryEventView[], measure: 'rtoSeconds' | 'rpoSeconds'): ChartPoint[] {
  const measured = events.flatMap((event) => (PLOTTED.has(event.kind) && event[measure] !== null ? [{ event, seconds: event[measure] }] : []));
  const trend = movingAverage(measured.map((m) => m.seconds));
  return measured.map(({ event, seconds }, index) => {
    const minutes = Math.round((seconds / 60) * 10) / 10;
    const overObjective = (measure === 'rtoSeconds' ? event.rtoWithinObjective : event.rpoWithinObjective) === false;
    return { at: event.at, runId: event.runId, drill: event.kind === 'drill' ? minutes : null, failover: event.kind === 'drill' ? null : minutes, trend: Math.round(((trend[index] ?? 0) / 60) * 10) / 10, overObjective };
  });
}

export function toDrillResult(drill: JudgedDrill): DrillResultView {
  return {
    id: drill.id,
    title: drill.title,
    scheduledFor: drill.scheduledFor.toISOString(),
    ranAt: drill.ranAt.toISOString(),
    requestId: drill.requestId,
    runState: drill.run.state,
    rtoSeconds: drill.run.rtoSeconds,
    rpoSeconds: drill.run.rpoSeconds,
    result: drill.result,
    criteria: drill.verdict.criteria,
  };
}

/**
 * The metrics page from real runs (oldest first) and judged drills (newest first): every event,
 * RTO and RPO series per kind with a moving average, drill results, and the last 4 against the previous 4.
 */
export function buildFailoverMetrics(input: { runs: readonly RecoveryRunRecord[]; drills: readonly JudgedDrill[]; objectives: Objectives; truncated: boolean }): FailoverMetrics {
  const { objectives } = input;
  const events = input.runs.map((run) => toRecoveryEvent(run, objectives)).sort((a, b) => a.at.localeCompare(b.at) || a.runId.localeCompare(b.runId));
  const rto = series(events, 'rtoSeconds');
  const rpo = series(events, 'rpoSeconds');
  const measuredOf = (measure: 'rtoSeconds' | 'rpoSeconds') => events.flatMap((e) => (PLOTTED.has(e.kind) && e[measure] !== null ? [e[measure]] : []));
  const drills = input.drills.map(toDrillResult);
  return {
    objectives,
    events: events.slice().reverse(),
    rto,
    rpo,
    drills,
    drillCounts: { passed: drills.filter((d) => d.result === 'passed').length, failed: drills.filter((d) => d.result === 'failed').length, open: drills.filter((d) => d.result === 'open').length },
    // Trends from the exact seconds, not the rounded chart minutes.
    trend: { rto: measureTrend(measuredOf('rtoSeconds'), objectives.rtoMinutes * 60), rpo: measureTrend(measuredOf('rpoSeconds'), objectives.rpoMinutes * 60) },
    truncated: input.truncated,
  };
}
