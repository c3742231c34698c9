import type { DbTx } from '@/lib/db/client';

/** pg-boss's database interface (IDatabase), run on a Prisma client or transaction. */
export type SqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** Lets pg-boss write its job rows inside the caller's transaction, beside the audit event. */
export function sqlExecutorOn(db: DbTx): SqlExecutor {
  return {
    executeSql: async (text, values = []) => ({ rows: await db.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
}
