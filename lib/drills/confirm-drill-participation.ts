import type { DbTx } from '@/lib/db/client';
import { confirmParticipation } from '@/lib/db/drills/confirm-participation';
import { readDrill } from '@/lib/db/drills/read-drill';
import { ExpectedFailure } from '@/lib/domain/errors';
import type { DrillActor } from './drill-actor';

const FINISHED_REQUEST = ['done', 'failed'];

/** A participant confirms they followed the runbook: once, only their own, only after the drill's run finished. */
export async function confirmDrillParticipation(tx: DbTx, actor: DrillActor, drillId: string, comment: string | null, now = new Date()): Promise<void> {
  const drill = await readDrill(tx, drillId, { lock: true });
  if (!drill) throw new ExpectedFailure(`No drill ${drillId}.`, 'not-found');
  const participant = drill.participants.find((p) => p.userId === actor.userId);
  if (!participant) throw new ExpectedFailure('Only a participant of this drill can confirm it.', 'not-participant');
  if (participant.confirmedAt) throw new ExpectedFailure(`You confirmed already, at ${participant.confirmedAt.toISOString()}.`, 'already-confirmed');
  const finished = drill.state === 'ran' || (drill.request !== null && FINISHED_REQUEST.includes(drill.request.state));
  if (!finished) throw new ExpectedFailure('The drill has not run yet: confirm once its run has finished.', 'not-finished');
  if (!(await confirmParticipation(tx, drillId, actor.userId, now, comment))) throw new ExpectedFailure('You confirmed already.', 'already-confirmed');
}
