import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { updateDrillLessons } from '@/lib/db/drill-report/update-drill-lessons';
import { ExpectedFailure } from '@/lib/domain/errors';
import { DrillId } from '../../drill-inputs';
import { LIVE_DEPS, REPORT_EDIT_ROLES, type ReportActionDeps } from './report-action-deps';
import { Lessons } from './report-inputs';

export const UpdateLessons = z.object({ drillId: DrillId, lessons: Lessons });

/** An Architect writes the drill's lessons learned (replacing them; the audit event keeps each version). */
export function updateLessonsDefinition(deps: Pick<ReportActionDeps, 'now'> = LIVE_DEPS): SecureActionDefinition<typeof UpdateLessons, { characters: number }> {
  return {
    action: 'drill.lessons-updated',
    roles: REPORT_EDIT_ROLES,
    input: UpdateLessons,
    target: (input) => ({ type: 'drill', id: input.drillId }),
    run: async ({ input, tx }) => {
      if (!(await updateDrillLessons(tx, input.drillId, input.lessons, deps.now()))) throw new ExpectedFailure(`No drill ${input.drillId}.`, 'not-found');
      return { data: { characters: input.lessons.length }, message: 'Lessons learned saved.', payload: { characters: input.lessons.length } };
    },
  };
}
