import type { ChangeState } from '@/lib/domain/approval-rules';
import type { DbTx, Prisma } from '../client';

export type Transition = {
  id: string;
  from: ChangeState;
  to: ChangeState;
  actor: { id: string; name: string };
  comment?: string;
  /** Other columns changing with the state (e.g. break-glass fields, finishedAt). */
  set?: Prisma.ChangeRequestUpdateManyMutationInput;
};

/**
 * Moves a request from `from` to `to` only if it is still in `from` (a conditional update), and
 * records who and why. False when someone else moved it first. The database's trigger checks the quorum.
 */
export async function transitionChangeRequest(tx: DbTx, transition: Transition): Promise<boolean> {
  const { count } = await tx.changeRequest.updateMany({ where: { id: transition.id, state: transition.from }, data: { ...transition.set, state: transition.to } });
  if (count === 0) return false;
  await tx.changeRequestTransition.create({
    data: { requestId: transition.id, fromState: transition.from, toState: transition.to, actorId: transition.actor.id, actorName: transition.actor.name, comment: transition.comment ?? null },
  });
  return true;
}
