import type { Db } from '@/lib/db/client';
import { readAbortRequest } from '@/lib/db/runbooks/read-abort-request';
import type { Stop } from './settle-run';

/** Abort first (an Operator asked), then leadership, then the lease; a failing database counts as a crash. */
export async function pollForStop(db: Db, runId: string, isLeader: () => boolean | Promise<boolean>, leaseLost: boolean): Promise<Stop | undefined> {
  try {
    const abort = await readAbortRequest(db, runId);
    if (abort) return { kind: 'aborted', reason: `aborted by ${abort.by} at ${abort.at.toISOString()}` };
    if (!(await isLeader())) return { kind: 'not-leader' };
    return leaseLost ? { kind: 'lost-lease' } : undefined;
  } catch (error) {
    return { kind: 'crashed', error };
  }
}
