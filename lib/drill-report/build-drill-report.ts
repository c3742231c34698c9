import type { DrillReportFacts, PreviousDrillRecord } from '@/lib/db/drill-report/drill-report-facts';
import { drillResult, evaluateDrillCriteria, type DrillEvidence, type Objectives } from '@/lib/domain/drill-criteria';
import { timedStepRows } from '@/lib/run-view/timed-step-rows';
import type { DrillComparisonPoint, DrillReport } from './drill-report';

const iso = (date: Date | null) => date?.toISOString() ?? null;

function previousPoint(drill: PreviousDrillRecord, objectives: Objectives): DrillComparisonPoint {
  const verdict = evaluateDrillCriteria({ objectives, run: drill.run, participants: drill.participants });
  return {
    drillId: drill.id,
    title: drill.title,
    scheduledFor: drill.scheduledFor.toISOString(),
    runStartedAt: drill.run.startedAt.toISOString(),
    rtoSeconds: drill.run.rtoSeconds,
    rpoSeconds: drill.run.rpoSeconds,
    result: drillResult(verdict),
    current: false,
  };
}

/**
 * A drill's report from what was recorded: the run's steps and measurements as the worker wrote
 * them, the plan's success criteria judged by evaluateDrillCriteria, and the earlier drills judged
 * the same way against today's objectives, so the comparison is like for like.
 */
export function buildDrillReport(facts: DrillReportFacts, objectives: Objectives, now: Date): DrillReport {
  const { drill, request, run } = facts;
  const evidence: DrillEvidence = { objectives, run, participants: drill.participants };
  const verdict = evaluateDrillCriteria(evidence);
  const current: DrillComparisonPoint[] = run
    ? [{ drillId: drill.id, title: drill.title, scheduledFor: drill.scheduledFor.toISOString(), runStartedAt: run.startedAt.toISOString(), rtoSeconds: run.rtoSeconds, rpoSeconds: run.rpoSeconds, result: drillResult(verdict), current: true }]
    : [];
  const live = request?.decisions.filter((d) => d.voidedAt === null) ?? [];
  return {
    generatedAt: now.toISOString(),
    drill: { id: drill.id, title: drill.title, environment: drill.environment, scheduledFor: drill.scheduledFor.toISOString(), state: drill.state, createdByName: drill.createdByName, createdAt: drill.createdAt.toISOString() },
    request: request && {
      id: request.id,
      kind: request.kind,
      state: request.state,
      reason: request.reason,
      requestedByName: request.requestedByName,
      requestedAt: request.requestedAt.toISOString(),
      approversRequired: request.approversRequired,
      approvers: live.filter((d) => d.decision === 'approve' && d.planDigest === request.planDigest).map((d) => d.approverName),
      decisions: request.decisions.map((d) => ({ approverName: d.approverName, decision: d.decision, comment: d.comment, decidedAt: d.decidedAt.toISOString(), voided: d.voidedAt !== null, breakGlass: d.breakGlass })),
    },
    run: run && {
      id: run.id,
      state: run.state,
      startedAt: run.startedAt.toISOString(),
      finishedAt: iso(run.finishedAt),
      error: run.error,
      declaredAt: iso(run.declaredAt),
      failureAt: iso(run.failureAt),
      servingAt: iso(run.servingAt),
      dataAsOf: iso(run.dataAsOf),
      rtoSeconds: run.rtoSeconds,
      rpoSeconds: run.rpoSeconds,
      rtoObjectiveSeconds: objectives.rtoMinutes * 60,
      rpoObjectiveSeconds: objectives.rpoMinutes * 60,
    },
    timeline: run ? timedStepRows(run.plan.steps, run.steps, run.startedAt, run.finishedAt ?? now) : [],
    criteria: verdict.criteria,
    result: drillResult(verdict),
    participants: drill.participants.map((p) => ({ userId: p.userId, userName: p.userName, role: p.role, confirmedAt: iso(p.confirmedAt), comment: p.comment })),
    lessonsLearned: drill.lessonsLearned,
    followUps: drill.followUps,
    comparison: [...facts.previous.map((p) => previousPoint(p, objectives)).reverse(), ...current],
  };
}
