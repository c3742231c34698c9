import type { DbTx } from '../client';
import { DRILL_INCLUDE, toDrillRecord } from './drill-include';
import type { DrillRecord } from './drill-record';

/** One drill with its participants, its request and the request's real run with its steps; `lock` holds the row for the transaction. */
export async function readDrill(db: DbTx, id: string, options: { lock?: boolean } = {}): Promise<DrillRecord | null> {
  if (options.lock) await db.$queryRaw`SELECT 1 FROM "Drill" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const row = await db.drill.findUnique({ where: { id }, include: DRILL_INCLUDE });
  return row ? toDrillRecord(row) : null;
}
