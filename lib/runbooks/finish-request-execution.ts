import { requestTargets } from '@/lib/approvals/request-targets';
import { getConfig } from '@/lib/config/get-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import { enqueueChangeNotifications } from '@/lib/db/approvals/enqueue-change-notifications';
import { describeDuration } from '@/lib/domain/describe-duration';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { transitionChangeRequest } from '@/lib/db/approvals/transition-change-request';
import { appendAuditEvent } from '@/lib/db/audit/append-audit-event';
import type { Db } from '@/lib/db/client';
import { readFailureStart } from '@/lib/db/probes/read-failure-start';
import type { RunbookRunRecord } from '@/lib/db/runbooks/runbook-record';
import { recordRunMeasurements } from '@/lib/db/runbooks/record-run-measurements';
import { SYSTEM_ACTOR } from '@/lib/domain/audit-event';
import { measureRecovery, type RecoveryMeasurement } from '@/lib/domain/measure-recovery';

export type FinishedExecution = { requestState: 'done' | 'failed'; measured: RecoveryMeasurement | null } | null;

/**
 * Closes the request of a finished real run: measured RTO/RPO on the run, executing → done (the run
 * succeeded, or degraded without its cache) or failed, and `runbook.finished` in the audit log, in
 * one commit. `run` as read after it ended. Null when there is nothing to close (dry run, still running, already closed).
 */
export async function finishRequestExecution(db: Db, run: RunbookRunRecord, options: { config?: LifeboatConfig; now?: Date; cleanup?: string | null } = {}): Promise<FinishedExecution> {
  const config = options.config ?? getConfig();
  const now = options.now ?? new Date();
  const runId = run.id;
  if (!run.requestId || run.dryRun || run.state === 'running') return null;
  const requestId = run.requestId;
  const fromRole = run.plan.kind === 'failback' ? 'secondary' : 'primary';
  return db.$transaction(async (tx) => {
    const request = await readChangeRequest(tx, requestId, { lock: true });
    if (request?.state !== 'executing') return null;
    const failureAt = await readFailureStart(tx, fromRole, request.requestedAt);
    const measured = measureRecovery({ plan: run.plan, steps: run.steps, declaredAt: request.requestedAt, failureAt });
    if (measured) await recordRunMeasurements(tx, runId, measured);
    const requestState = run.state === 'succeeded' || run.state === 'degraded' ? 'done' : 'failed';
    const objectives = measured ? `; RTO ${describeDuration(measured.rtoSeconds)}${measured.rpoSeconds === null ? '' : `, RPO ${describeDuration(measured.rpoSeconds)}`}` : '';
    const summary = `runbook run ${run.state}${objectives}${run.error ? `; ${run.error}` : ''}${options.cleanup ? `; ${options.cleanup}` : ''}`;
    await transitionChangeRequest(tx, { id: requestId, from: 'executing', to: requestState, actor: SYSTEM_ACTOR, comment: summary.slice(0, 1000), set: { finishedAt: run.finishedAt ?? now } });
    const notifications = await enqueueChangeNotifications(tx, requestId, requestState, requestTargets(config), now);
    await appendAuditEvent(tx, {
      actor: SYSTEM_ACTOR,
      action: 'runbook.finished',
      target: { type: 'runbook-run', id: runId },
      outcome: requestState === 'done' ? 'success' : 'failure',
      payload: { requestId, state: run.state, error: run.error, cleanup: options.cleanup ?? null, rtoSeconds: measured?.rtoSeconds ?? null, rpoSeconds: measured?.rpoSeconds ?? null, notifications },
    });
    return { requestState, measured };
  });
}
