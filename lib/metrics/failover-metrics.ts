import type { DrillCriterion, DrillResult } from '@/lib/domain/drill-criteria';
import type { Trend } from './measure-trend';

/** One real failover, failback or drill run; `at` is when it served again (else when it ended or started). */
export type RecoveryEventView = {
  runId: string;
  requestId: string | null;
  kind: string;
  state: string;
  at: string;
  startedAt: string;
  rtoSeconds: number | null;
  rpoSeconds: number | null;
  rtoWithinObjective: boolean | null;
  rpoWithinObjective: boolean | null;
  drill: { id: string; title: string } | null;
};

/** One measured event on a chart, in minutes: drills and real failovers are separate series. */
/** Minutes rounded to 0.1 for the chart; `overObjective` is judged on the exact seconds. */
export type ChartPoint = { at: string; runId: string; drill: number | null; failover: number | null; trend: number; overObjective: boolean };

export type DrillResultView = {
  id: string;
  title: string;
  scheduledFor: string;
  ranAt: string;
  requestId: string | null;
  runState: string;
  rtoSeconds: number | null;
  rpoSeconds: number | null;
  result: DrillResult;
  criteria: DrillCriterion[];
};

/** The Failover metrics page's one document. */
export type FailoverMetrics = {
  objectives: { rtoMinutes: number; rpoMinutes: number };
  events: RecoveryEventView[];
  rto: ChartPoint[];
  rpo: ChartPoint[];
  drills: DrillResultView[];
  drillCounts: Record<DrillResult, number>;
  trend: { rto: Trend; rpo: Trend };
  /** True when the history read hit its limit (older runs are not shown). */
  truncated: boolean;
};
