import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { changeFollowUps, findFollowUp } from '@/lib/drill-report/change-follow-ups';
import type { FollowUp } from '@/lib/domain/follow-up';
import { LIVE_DEPS, REPORT_EDIT_ROLES, type ReportActionDeps } from './report-action-deps';
import { FollowUpFields, FollowUpId } from './report-inputs';

export const UpdateFollowUp = FollowUpFields.extend({ id: FollowUpId });

/** An Architect edits a follow-up (its text, owner, due date) or marks it done; the audit event keeps before and after. */
export function updateFollowUpDefinition(deps: Pick<ReportActionDeps, 'now'> = LIVE_DEPS): SecureActionDefinition<typeof UpdateFollowUp, { followUp: FollowUp }> {
  return {
    action: 'drill.follow-up-updated',
    roles: REPORT_EDIT_ROLES,
    input: UpdateFollowUp,
    target: (input) => ({ type: 'drill', id: input.drillId }),
    run: async ({ input, tx }) => {
      const followUp: FollowUp = { id: input.id, text: input.text, owner: input.owner, dueDate: input.dueDate, done: input.done };
      const changed = await changeFollowUps(tx, input.drillId, deps.now(), (list) => {
        findFollowUp(list, input.id);
        return list.map((f) => (f.id === input.id ? followUp : f));
      });
      const before = findFollowUp(changed.before, input.id);
      return { data: { followUp }, message: followUp.done && !before.done ? 'Follow-up marked done.' : 'Follow-up saved.', payload: { before, after: followUp } };
    },
  };
}
