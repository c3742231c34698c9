import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { listKnownUsers, type KnownUser } from '@/lib/db/drills/list-known-users';
import { scheduleDrill } from '@/lib/drills/schedule-drill';
import { LIVE_DRILL_DEPS, SCHEDULE_ROLES, type DrillActionDeps } from './drill-action-deps';
import { Environment, ScheduledFor, Title, withParticipantIds } from './drill-inputs';
import { formatUtc } from '@/lib/domain/format-utc';

export const ScheduleDrill = z.preprocess(
  withParticipantIds,
  z.object({
    title: Title,
    scheduledFor: ScheduledFor,
    environment: Environment,
    participantIds: z.array(z.string().min(1).max(200)).min(2, { error: 'choose at least two participants' }).max(50),
  }),
);

/** A drill on the calendar: its date, environment and participants (people who have signed in). */
export function scheduleDrillDefinition(deps: Pick<DrillActionDeps, 'now'> = LIVE_DRILL_DEPS): SecureActionDefinition<typeof ScheduleDrill, { id: string }, KnownUser[]> {
  return {
    action: 'drill.schedule',
    roles: SCHEDULE_ROLES,
    input: ScheduleDrill,
    target: (input) => ({ type: 'drill', id: `new ${input.title}` }),
    prepare: ({ db, actor }) => listKnownUsers(db, { including: { id: actor.userId, name: actor.name, roles: [...actor.roles] } }),
    run: async ({ actor, input, tx, prepared }) => {
      const drill = await scheduleDrill(tx, actor, input, prepared, deps.now());
      return {
        data: { id: drill.id },
        target: { type: 'drill', id: drill.id },
        message: `Drill scheduled for ${formatUtc(input.scheduledFor)} with ${drill.participants.join(', ')}.`,
        payload: { drillId: drill.id, participants: drill.participants },
      };
    },
  };
}
