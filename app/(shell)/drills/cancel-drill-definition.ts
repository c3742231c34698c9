import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { cancelScheduledDrill } from '@/lib/drills/cancel-scheduled-drill';
import { LIVE_DRILL_DEPS, SCHEDULE_ROLES, type DrillActionDeps } from './drill-action-deps';
import { DrillId } from './drill-inputs';

export const CancelDrill = z.object({ id: DrillId });

/** Takes a drill off the calendar before its run is requested. */
export function cancelDrillDefinition(deps: Pick<DrillActionDeps, 'now'> = LIVE_DRILL_DEPS): SecureActionDefinition<typeof CancelDrill, null> {
  return {
    action: 'drill.cancel',
    roles: SCHEDULE_ROLES,
    input: CancelDrill,
    target: (input) => ({ type: 'drill', id: input.id }),
    run: async ({ input, tx }) => {
      const drill = await cancelScheduledDrill(tx, input.id, deps.now());
      return { data: null, message: `Cancelled: "${drill.title}" will not run.`, payload: { title: drill.title } };
    },
  };
}
