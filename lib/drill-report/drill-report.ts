import type { RunState } from '@/lib/db/runbooks/runbook-record';
import type { DrillCriterion, DrillResult } from '@/lib/domain/drill-criteria';
import type { FollowUp } from '@/lib/domain/follow-up';
import type { TimedStepRow } from '@/lib/run-view/timed-step-rows';

/** One step of the drill's run, in plan order; times are ISO strings, offsets seconds after the run started (T+). */
export type DrillReportStep = TimedStepRow;

export type DrillReportDecision = { approverName: string; decision: 'approve' | 'deny'; comment: string; decidedAt: string; voided: boolean; breakGlass: boolean };

/** An earlier drill (or this one, `current`) on the comparison: when, what it measured, how it ended. */
export type DrillComparisonPoint = { drillId: string; title: string; scheduledFor: string; runStartedAt: string; rtoSeconds: number | null; rpoSeconds: number | null; result: DrillResult; current: boolean };

/** The JSON document of GET /api/drills/<id>/report.json; the report page and the PDF render the same. */
export type DrillReport = {
  generatedAt: string;
  drill: { id: string; title: string; environment: string; scheduledFor: string; state: string; createdByName: string; createdAt: string };
  request: { id: string; kind: string; state: string; reason: string; requestedByName: string; requestedAt: string; approversRequired: number; approvers: string[]; decisions: DrillReportDecision[] } | null;
  run: {
    id: string;
    state: RunState;
    startedAt: string;
    finishedAt: string | null;
    error: string | null;
    declaredAt: string | null;
    failureAt: string | null;
    servingAt: string | null;
    dataAsOf: string | null;
    rtoSeconds: number | null;
    rpoSeconds: number | null;
    rtoObjectiveSeconds: number;
    rpoObjectiveSeconds: number;
  } | null;
  timeline: DrillReportStep[];
  criteria: DrillCriterion[];
  result: DrillResult;
  participants: { userId: string; userName: string; role: string; confirmedAt: string | null; comment: string | null }[];
  lessonsLearned: string;
  followUps: FollowUp[];
  /** Oldest first, ending with this drill once it ran: what the comparison chart draws. */
  comparison: DrillComparisonPoint[];
};
