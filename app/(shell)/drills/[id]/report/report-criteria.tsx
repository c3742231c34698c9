import { CircleCheck, CircleHelp, CircleX } from 'lucide-react';
import { describeCriterionOutcome } from '@/lib/drill-report/describe-report-values';
import type { DrillReport } from '@/lib/drill-report/drill-report';

const LOOK = {
  true: { Icon: CircleCheck, className: 'text-emerald-300' },
  false: { Icon: CircleX, className: 'text-rose-300' },
  null: { Icon: CircleHelp, className: 'text-slate-400' },
};

/** The DR plan's success criteria, each with pass/fail (or open) and the evidence it was judged on. */
export function ReportCriteria({ criteria }: { criteria: DrillReport['criteria'] }) {
  return (
    <ul className="space-y-2">
      {criteria.map((criterion) => {
        const { Icon, className } = LOOK[String(criterion.passed) as keyof typeof LOOK];
        return (
          <li key={criterion.id} data-testid="criterion" data-id={criterion.id} data-passed={String(criterion.passed)} className="flex gap-3 rounded-md border border-slate-800 bg-slate-950/60 p-3 text-sm">
            <Icon aria-hidden className={`mt-0.5 size-5 shrink-0 ${className}`} />
            <div>
              <p className="font-medium">
                <span className={`mr-2 font-mono ${className}`}>{describeCriterionOutcome(criterion.passed)}</span>
                {criterion.label}
              </p>
              <p className="mt-0.5 text-slate-300">{criterion.evidence}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
