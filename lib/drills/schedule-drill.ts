import type { DbTx } from '@/lib/db/client';
import { insertDrill } from '@/lib/db/drills/insert-drill';
import type { KnownUser } from '@/lib/db/drills/list-known-users';
import { ExpectedFailure } from '@/lib/domain/errors';
import type { DrillActor } from './drill-actor';

export type ScheduleDrill = { title: string; scheduledFor: Date; environment: string; participantIds: readonly string[] };

/** A scheduled drill with at least two participants, each someone Lifeboat knows (has signed in). */
export async function scheduleDrill(tx: DbTx, actor: DrillActor, input: ScheduleDrill, knownUsers: readonly KnownUser[], now = new Date()): Promise<{ id: string; participants: string[] }> {
  if (input.scheduledFor.getTime() <= now.getTime()) throw new ExpectedFailure('A drill is scheduled in the future.', 'in-the-past');
  const ids = [...new Set(input.participantIds)];
  if (ids.length < 2) throw new ExpectedFailure('A drill needs at least two different participants.', 'too-few-participants');
  const byId = new Map(knownUsers.map((user) => [user.id, user]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0) throw new ExpectedFailure(`Not a known user (nobody with that id has signed in): ${unknown.join(', ')}.`, 'unknown-participant');
  const participants = ids.map((id) => {
    const user = byId.get(id) as KnownUser;
    return { userId: user.id, userName: user.name, role: user.roles.join(', ') || 'no role' };
  });
  const id = await insertDrill(tx, { title: input.title, scheduledFor: input.scheduledFor, environment: input.environment, createdBy: { id: actor.userId, name: actor.name }, participants });
  return { id, participants: participants.map((p) => p.userName) };
}
