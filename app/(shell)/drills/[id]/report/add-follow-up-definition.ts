import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { changeFollowUps } from '@/lib/drill-report/change-follow-ups';
import type { FollowUp } from '@/lib/domain/follow-up';
import { LIVE_DEPS, REPORT_EDIT_ROLES, type ReportActionDeps } from './report-action-deps';
import { FollowUpFields } from './report-inputs';

/** An Architect adds a follow-up action to the drill: what, who owns it, by when. */
export function addFollowUpDefinition(deps: ReportActionDeps = LIVE_DEPS): SecureActionDefinition<typeof FollowUpFields, { followUp: FollowUp }> {
  return {
    action: 'drill.follow-up-added',
    roles: REPORT_EDIT_ROLES,
    input: FollowUpFields,
    target: (input) => ({ type: 'drill', id: input.drillId }),
    run: async ({ input, tx }) => {
      const followUp: FollowUp = { id: deps.newId(), text: input.text, owner: input.owner, dueDate: input.dueDate, done: input.done };
      await changeFollowUps(tx, input.drillId, deps.now(), (list) => [...list, followUp]);
      return { data: { followUp }, message: 'Follow-up added.', payload: { followUp } };
    },
  };
}
