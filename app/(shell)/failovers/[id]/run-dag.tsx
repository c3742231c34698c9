import { ChevronRight } from 'lucide-react';
import { Fragment } from 'react';
import type { RunView } from '@/lib/run-view/run-view';
import { RunStepCard } from './run-step-card';

/** The run's DAG in columns: each column a stage of steps that run in parallel, each waiting for the columns before it. */
export function RunDag({ view }: { view: RunView }) {
  const byId = new Map(view.steps.map((step) => [step.stepId, step]));
  const titleOf = (id: string) => byId.get(id)?.title ?? id;
  return (
    <ol className="flex gap-2 overflow-x-auto pb-2" data-testid="run-dag" aria-label="Steps by stage; each stage waits for the ones before it">
      {view.stages.map((ids, index) => (
        <Fragment key={index}>
          {index > 0 && (
            <li aria-hidden className="flex shrink-0 items-center text-slate-600">
              <ChevronRight className="size-5" />
            </li>
          )}
          <li className="w-72 shrink-0" data-testid="run-stage">
            <h4 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-400">
              Stage {index + 1}
              {ids.length > 1 && <span className="font-normal normal-case tracking-normal"> · {ids.length} in parallel</span>}
            </h4>
            <ol className="space-y-2">
              {ids.flatMap((id) => {
                const step = byId.get(id);
                return step ? [<RunStepCard key={id} step={step} titleOf={titleOf} dryRun={view.run.dryRun} />] : [];
              })}
            </ol>
          </li>
        </Fragment>
      ))}
    </ol>
  );
}
