import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveTestRequest } from '@/lib/approvals/testing/approve-test-request';
import { getConfig } from '@/lib/config/get-config';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { claimRunbookLease } from '@/lib/db/runbooks/claim-runbook-lease';
import { findRunbookWork } from '@/lib/db/runbooks/find-runbook-work';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { beginRequestExecution } from './begin-request-execution';

// What the leader's dispatch loop queues around the start of an execution: each piece of work once.

const MINUTE = 60_000;
const config = getConfig();
let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('lifeboat_begin_execution');
});
afterAll(async () => test?.drop());

const workOf = async (id: string, now = new Date()) => (await findRunbookWork(test.db, now)).filter((work) => work.requestId === id || work.runId === id);

describe('beginRequestExecution and the dispatch loop', () => {
  it('stops queuing an approved request once its approvals have lapsed (its start would only fail again)', async () => {
    const { id } = await approveTestRequest(test.db, config, 'failover');
    expect(await workOf(id)).toEqual([{ requestId: id, runId: null }]);

    const lapsed = new Date(Date.now() + (config.approvals.approvalExpiryMinutes + 1) * MINUTE);
    expect(lapsed.getTime()).toBeLessThan((await readChangeRequest(test.db, id))!.expiresAt.getTime());
    expect(await workOf(id, lapsed)).toEqual([]);
    await expect(beginRequestExecution(test.db, id, { now: lapsed })).rejects.toMatchObject({ code: 'quorum-lost' });
    expect((await readChangeRequest(test.db, id))?.state).toBe('approved');
  });

  it('does not hand a run just begun to a second job: the worker that began it claims it, or the next one once it lapses', async () => {
    const claimed = await approveTestRequest(test.db, config, 'failover');
    const claimedRun = await beginRequestExecution(test.db, claimed.id);
    expect((await readChangeRequest(test.db, claimed.id))?.state).toBe('executing');
    expect(await workOf(claimed.id)).toEqual([]);
    expect(await claimRunbookLease(test.db, claimedRun!, 'the-beginning-worker', 60_000)).toBe(true);
    expect(await workOf(claimed.id)).toEqual([]);

    // The beginning worker died before its claim: once the start lease lapses, the run is work again.
    const orphan = await approveTestRequest(test.db, config, 'failover');
    const orphanRun = await beginRequestExecution(test.db, orphan.id);
    expect(await workOf(orphan.id)).toEqual([]);
    await test.db.runbookRun.update({ where: { id: orphanRun! }, data: { leaseExpiresAt: new Date(Date.now() - 1_000) } });
    expect(await workOf(orphan.id)).toEqual([{ requestId: orphan.id, runId: orphanRun }]);
    expect(await claimRunbookLease(test.db, orphanRun!, 'the-next-worker', 60_000)).toBe(true);
  });
});
