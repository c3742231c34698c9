import { countQuorum } from '@/lib/domain/approval-rules';
import { toChangeRequestRecord, WITH_HISTORY } from '../approvals/change-request-record';
import type { Db } from '../client';

/** What the leader must hand to the runbook queue: a request to start, or a run nobody executes. */
export type RunbookWork = { requestId: string; runId: null } | { requestId: string | null; runId: string };

/**
 * Approved requests whose quorum still holds (startExecution would refuse the others, every tick);
 * running runs without a live lease (never picked up, or their worker died; a run just begun is
 * leased until its worker claims it); executing requests whose real run ended but were not closed.
 */
export async function findRunbookWork(db: Db, now = new Date()): Promise<RunbookWork[]> {
  const approved = (await db.changeRequest.findMany({ where: { state: 'approved', expiresAt: { gt: now } }, include: WITH_HISTORY, orderBy: { requestedAt: 'asc' } }))
    .map(toChangeRequestRecord)
    .filter((request) => countQuorum(request, request.decisions, now).met);
  const orphaned = await db.$queryRaw<{ id: string; requestId: string | null }[]>`
    SELECT "id", "requestId" FROM "RunbookRun"
    WHERE "state" = 'running' AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < now())
    ORDER BY "startedAt"`;
  const unclosed = await db.$queryRaw<{ id: string; requestId: string }[]>`
    SELECT r."id", r."requestId" FROM "RunbookRun" r JOIN "ChangeRequest" c ON c."id" = r."requestId"
    WHERE c."state" = 'executing' AND r."dryRun" = false AND r."state" <> 'running'`;
  return [...approved.map((request) => ({ requestId: request.id, runId: null })), ...[...orphaned, ...unclosed].map((run) => ({ requestId: run.requestId, runId: run.id }))];
}
