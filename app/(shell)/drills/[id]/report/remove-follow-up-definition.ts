import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { changeFollowUps, findFollowUp } from '@/lib/drill-report/change-follow-ups';
import type { FollowUp } from '@/lib/domain/follow-up';
import { DrillId } from '../../drill-inputs';
import { LIVE_DEPS, REPORT_EDIT_ROLES, type ReportActionDeps } from './report-action-deps';
import { FollowUpId } from './report-inputs';

export const RemoveFollowUp = z.object({ drillId: DrillId, id: FollowUpId });

/** An Architect removes a follow-up added by mistake; the audit event keeps what it said. */
export function removeFollowUpDefinition(deps: Pick<ReportActionDeps, 'now'> = LIVE_DEPS): SecureActionDefinition<typeof RemoveFollowUp, { removed: FollowUp }> {
  return {
    action: 'drill.follow-up-removed',
    roles: REPORT_EDIT_ROLES,
    input: RemoveFollowUp,
    target: (input) => ({ type: 'drill', id: input.drillId }),
    run: async ({ input, tx }) => {
      const { before } = await changeFollowUps(tx, input.drillId, deps.now(), (list) => {
        findFollowUp(list, input.id);
        return list.filter((f) => f.id !== input.id);
      });
      const removed = findFollowUp(before, input.id);
      return { data: { removed }, message: 'Follow-up removed.', payload: { removed } };
    },
  };
}
