import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { confirmDrillParticipation } from '@/lib/drills/confirm-drill-participation';
import { CONFIRM_ROLES, LIVE_DRILL_DEPS, type DrillActionDeps } from './drill-action-deps';
import { ConfirmComment, DrillId } from './drill-inputs';

export const ConfirmParticipation = z.object({ id: DrillId, comment: ConfirmComment });

/** "I followed the runbook": a participant's own confirmation, once, after the drill ran. */
export function confirmParticipationDefinition(deps: Pick<DrillActionDeps, 'now'> = LIVE_DRILL_DEPS): SecureActionDefinition<typeof ConfirmParticipation, { confirmedAt: string }> {
  return {
    action: 'drill.confirm',
    roles: CONFIRM_ROLES,
    input: ConfirmParticipation,
    target: (input) => ({ type: 'drill', id: input.id }),
    run: async ({ actor, input, tx }) => {
      const now = deps.now();
      await confirmDrillParticipation(tx, actor, input.id, input.comment || null, now);
      return { data: { confirmedAt: now.toISOString() }, message: 'Thank you: your confirmation is recorded.', payload: { confirmedAt: now.toISOString() } };
    },
  };
}
