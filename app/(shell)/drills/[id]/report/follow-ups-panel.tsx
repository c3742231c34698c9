import type { FollowUp } from '@/lib/domain/follow-up';
import { AddFollowUpForm } from './add-follow-up-form';
import { FollowUpRow } from './follow-up-row';

/** The improvements the drill identified: what, who owns it, by when, done or not. */
export function FollowUpsPanel({ drillId, followUps, canEdit }: { drillId: string; followUps: FollowUp[]; canEdit: boolean }) {
  const open = followUps.filter((f) => !f.done).length;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-400">{followUps.length === 0 ? 'No follow-up actions yet.' : `${followUps.length} follow-up action(s), ${open} open.`}</p>
      {followUps.length > 0 && (
        <ul className="space-y-2">
          {followUps.map((followUp) => (
            <FollowUpRow key={followUp.id} drillId={drillId} followUp={followUp} canEdit={canEdit} />
          ))}
        </ul>
      )}
      {canEdit && <AddFollowUpForm drillId={drillId} />}
    </div>
  );
}
