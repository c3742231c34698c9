import type { DbTx } from '../client';

export type KnownUser = { id: string; name: string; roles: string[] };

/**
 * The people Lifeboat knows: everyone who has signed in (audited as auth.sign-in), with the name
 * and roles of their latest sign-in. There is no user directory: sign-in is the only source.
 * `including` (the signed-in user) is known too, as they are now, even before a sign-in was audited.
 */
export async function listKnownUsers(db: DbTx, options: { including?: KnownUser } = {}): Promise<KnownUser[]> {
  // DISTINCT ON in PostgreSQL: Prisma's `distinct` would fetch every sign-in ever and dedupe in memory.
  const rows = await db.$queryRaw<{ actorId: string; actorName: string; actorRoles: string[] }[]>`
    SELECT DISTINCT ON ("actorId") "actorId", "actorName", "actorRoles"
    FROM "AuditEvent"
    WHERE "action" = 'auth.sign-in' AND "outcome" = 'success'
    ORDER BY "actorId", "seq" DESC`;
  const { including } = options;
  const known = rows.map((row) => ({ id: row.actorId, name: row.actorName, roles: row.actorRoles })).filter((user) => user.id !== including?.id);
  return (including ? [...known, including] : known).sort((a, b) => a.name.localeCompare(b.name));
}
