import type { DbTx } from '../client';
import { toChangeRequestRecord, WITH_HISTORY, type ChangeRequestRecord } from './change-request-record';

/**
 * One request with its decisions and transitions. `lock` takes the row lock first (inside a
 * transaction), so concurrent deciders on one request go one after the other.
 */
export async function readChangeRequest(db: DbTx, id: string, options: { lock?: boolean } = {}): Promise<ChangeRequestRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  if (options.lock) await db.$queryRaw`SELECT "id" FROM "ChangeRequest" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const row = await db.changeRequest.findUnique({ where: { id }, include: WITH_HISTORY });
  return row ? toChangeRequestRecord(row) : null;
}
