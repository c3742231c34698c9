import type { ChangeStateRecord } from '@/lib/db/approvals/read-change-state';
import type { MeasuredRunRecord } from '@/lib/db/runbooks/measured-run-record';
import type { RunAuditEvent } from '@/lib/db/runbooks/read-run-audit-trail';
import { progressAgainstObjective } from '@/lib/domain/run-progress';
import { criticalPath, stagesOf } from '@/lib/domain/run-timeline';
import { rtoClockStart } from './rto-clock-start';
import { timedStepRows } from './timed-step-rows';
import type { RunView } from './run-view';

export type Objectives = { rtoMinutes: number; rpoMinutes: number };

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A run, its audit trail, its request (null for none) and the objectives as the JSON the view renders, as of `now`. */
export function toRunView(run: MeasuredRunRecord, audit: readonly Omit<RunAuditEvent, 'payload'>[], objectives: Objectives, now: Date, request: ChangeStateRecord | null = null): RunView {
  const planSteps = run.plan.steps;
  const recordOf = new Map(run.steps.map((step) => [step.stepId, step]));
  const end = run.finishedAt ?? now;
  const critical = new Set(run.state === 'running' ? [] : criticalPath(planSteps, run.steps));
  const clock = rtoClockStart(run, request?.requestedAt ?? null);
  const leaseLive = run.executorId !== null && run.leaseExpiresAt !== null && run.leaseExpiresAt > now;
  return {
    generatedAt: now.toISOString(),
    // A real run ends first; its request is closed (and RTO/RPO measured) a moment later by the same job.
    closing: run.state !== 'running' && !run.dryRun && request?.state === 'executing',
    run: {
      id: run.id,
      requestId: run.requestId,
      kind: run.kind,
      fromRegion: run.plan.fromRegion,
      toRegion: run.plan.toRegion,
      planDigest: run.planDigest,
      state: run.state,
      dryRun: run.dryRun,
      startedAt: run.startedAt.toISOString(),
      finishedAt: iso(run.finishedAt),
      abortRequestedAt: iso(run.abortRequestedAt),
      abortRequestedBy: run.abortRequestedBy,
      error: run.error,
      waitingForWorker: run.state === 'running' && !leaseLive,
    },
    stages: stagesOf(planSteps),
    steps: timedStepRows(planSteps, run.steps, run.startedAt, end).map((row, index) => ({
      ...row,
      dependsOn: planSteps[index]?.dependsOn ?? [],
      onCriticalPath: critical.has(row.stepId),
      output: recordOf.get(row.stepId)?.output ?? null,
    })),
    rtoClock: { from: clock.from, startedAt: clock.startedAt.toISOString() },
    progress: progressAgainstObjective((end.getTime() - clock.startedAt.getTime()) / 1000, objectives.rtoMinutes * 60),
    measured: {
      rtoSeconds: run.rtoSeconds,
      rpoSeconds: run.rpoSeconds,
      declaredAt: iso(run.declaredAt),
      failureAt: iso(run.failureAt),
      servingAt: iso(run.servingAt),
      dataAsOf: iso(run.dataAsOf),
      rtoObjectiveSeconds: objectives.rtoMinutes * 60,
      rpoObjectiveSeconds: objectives.rpoMinutes * 60,
    },
    audit: audit.map((event) => ({ seq: event.seq, at: event.at.toISOString(), actorName: event.actorName, action: event.action, outcome: event.outcome, targetType: event.targetType, targetId: event.targetId })),
  };
}
