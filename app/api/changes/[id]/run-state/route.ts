import type { NextRequest } from 'next/server';
import { readChangeState } from '@/lib/db/approvals/read-change-state';
import { findRequestRun } from '@/lib/db/runbooks/find-request-run';
import type { RequestRunState } from '@/lib/run-view/run-view';
import { answerFailoversRead } from '../../../_lib/answer-failovers-read';

export const dynamic = 'force-dynamic';

/** A change request's state and its real run's id once the worker has created it: two small reads, for the "Starting…" poll. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return answerFailoversRead(params, 'change request', async (db, id): Promise<RequestRunState | null> => {
    const request = await readChangeState(db, id);
    return request ? { state: request.state, runId: (await findRequestRun(db, id))?.id ?? null } : null;
  });
}
