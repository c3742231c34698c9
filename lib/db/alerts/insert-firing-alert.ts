import type { AlertCondition } from '@/lib/domain/readiness-types';
import type { DbTx } from '../client';
import { toStoredAlert, type StoredAlert } from './stored-alert';

/**
 * Inserts the firing alert for a condition, or nothing when one is already firing for its
 * dedupKey: the partial unique index decides, so two evaluators racing fire it once (the loser
 * waits for the winner's commit, then gets null).
 */
export async function insertFiringAlert(tx: DbTx, condition: AlertCondition, firedAt: Date): Promise<StoredAlert | null> {
  const rows = await tx.$queryRaw<Parameters<typeof toStoredAlert>[0][]>`
    INSERT INTO "Alert" ("rule", "severity", "dedupKey", "state", "title", "details", "firedAt")
    VALUES (${condition.rule}, ${condition.severity}, ${condition.dedupKey}, 'firing', ${condition.title}, ${JSON.stringify(condition.details)}::jsonb, ${firedAt})
    ON CONFLICT ("dedupKey") WHERE "state" = 'firing' DO NOTHING
    RETURNING "id", "rule", "severity", "dedupKey", "state", "title", "details", "firedAt", "resolvedAt"`;
  const row = rows[0];
  return row ? toStoredAlert(row) : null;
}
