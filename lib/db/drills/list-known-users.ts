import type { DbTx } from '../client';

export type KnownUser = { id: string; name: string; roles: string[] };

/**
 * The people Lifeboat knows: everyone who has signed in (audited as auth.sign-in), with the name
 * and roles of their latest sign-in. There is no user directory: sign-in is the only source.
 */
export async function listKnownUsers(db: DbTx): Promise<KnownUser[]> {
  // DISTINCT ON in PostgreSQL: Prisma's `distinct` would fetch every sign-in ever and dedupe in memory.
  const rows = await db.$queryRaw<{ actorId: string; actorName: string; actorRoles: string[] }[]>`
    SELECT DISTINCT ON ("actorId") "actorId", "actorName", "actorRoles"
    FROM "AuditEvent"
    WHERE "action" = 'auth.sign-in' AND "outcome" = 'success'
    ORDER BY "actorId", "seq" DESC`;
  return rows.map((row) => ({ id: row.actorId, name: row.actorName, roles: row.actorRoles })).sort((a, b) => a.name.localeCompare(b.name));
}
