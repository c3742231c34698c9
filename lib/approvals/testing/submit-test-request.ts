import type { LifeboatConfig } from '@/lib/config/schema';
import type { Preflight } from '@/lib/db/approvals/change-request-record';
import type { Db } from '@/lib/db/client';
import type { ChangeKind } from '@/lib/domain/change-plan';
import type { ApprovalActor } from '../approval-actor';
import { createChangeRequest } from '../create-change-request';
import { submitChangeRequest } from '../submit-change-request';

export const TEST_OPERATOR: ApprovalActor = { userId: 'olivia', name: 'Olivia Operator', roles: ['Operator'], authTime: 0 };

const PREFLIGHT: Preflight = { at: '2026-11-24T00:00:00.000Z', findings: [], expectedDataLossSeconds: 120, readiness: 'READY', servingRegion: 'canadacentral', openAlerts: [] };

/** A request (failover unless `kind` says) by Olivia Operator, created and submitted at `at` (so it expires requestExpiryMinutes later); tests only. */
export async function submitTestRequest(db: Db, config: LifeboatConfig, input: { reason: string; at: Date; kind?: ChangeKind }): Promise<{ id: string; planDigest: string }> {
  return db.$transaction(async (tx) => {
    const created = await createChangeRequest(tx, config, TEST_OPERATOR, { kind: input.kind ?? 'failover', reason: input.reason, preflight: PREFLIGHT, now: input.at });
    await submitChangeRequest(tx, config, TEST_OPERATOR, created.id, input.at);
    return created;
  });
}
