import type { ChangePlan } from '@/lib/domain/change-plan';
import { schedulePlan } from '@/lib/domain/schedule-plan';

const minutes = (m: number) => `${m} min`;

/** The plan step by step, in the order it can run: steps in one stage run in parallel; a bar shows when. */
export function PlanSteps({ plan }: { plan: ChangePlan }) {
  const schedule = schedulePlan(plan.steps);
  const total = Math.max(1, schedule.totalMinutes);
  const sequential = plan.steps.reduce((sum, step) => sum + step.estimateMinutes, 0);
  // Steps are numbered in the order shown: stage by stage, the plan's own order within a stage.
  const planIndex = new Map(plan.steps.map((step, index) => [step.id, index]));
  const stages = schedule.stages.map((stage) => stage.slice().sort((x, y) => (planIndex.get(x.step.id) ?? 0) - (planIndex.get(y.step.id) ?? 0)));
  const anchor = new Map(stages.flat().map((item, index) => [item.step.id, { href: `#step-${index + 1}`, number: index + 1 }]));
  const numberOf = (id: string) => anchor.get(id)?.number ?? 0;
  return (
    <section aria-labelledby="plan-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="plan-heading" className="text-lg font-semibold">
        The plan
      </h2>
      <p className="mt-1 text-sm text-slate-400">
        {plan.steps.length} steps from {plan.fromRegion} to {plan.toRegion}: about {minutes(schedule.totalMinutes)} with independent steps in parallel ({minutes(sequential)} one after the other).
        Each step is idempotent and recorded before and after it runs.
      </p>
      <ol className="mt-4 space-y-4" data-testid="plan-stages">
        {stages.map((stage, stageIndex) => (
          <li key={stageIndex}>
            <h3 className="text-sm font-semibold text-slate-300">
              Stage {stageIndex + 1} · from T+{minutes(stage[0]?.startMinute ?? 0)}
              {stage.length > 1 && <span className="font-normal text-slate-400"> · {stage.length} steps in parallel</span>}
            </h3>
            <ol className="mt-2 space-y-2">
              {stage.map(({ step, startMinute, endMinute }) => (
                <li key={step.id} id={anchor.get(step.id)?.href.slice(1)} data-testid="plan-step" data-step={step.id} className="scroll-mt-4 rounded-md border border-slate-800 bg-slate-950/60 p-3 text-sm">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <p className="min-w-0 flex-1 font-medium">
                      <span className="mr-1.5 font-mono text-slate-400">{numberOf(step.id)}.</span>
                      {step.title}
                    </p>
                    <span className="flex shrink-0 items-center gap-2 text-xs text-slate-400">
                      {step.optional && <span className="rounded-full border border-slate-600 px-2 py-0.5 text-slate-300">optional: a failure degrades, does not fail</span>}
                      <span title={`starts at T+${startMinute} min, ends at T+${endMinute} min if every step takes its estimate`}>~{minutes(step.estimateMinutes)}</span>
                    </span>
                  </div>
                  <div aria-hidden className="relative mt-2 h-1.5 rounded-full bg-slate-800">
                    <div className={`absolute h-full rounded-full ${step.optional ? 'bg-slate-500' : 'bg-sky-500'}`} style={{ left: `${(startMinute / total) * 100}%`, width: `${Math.max(1, (step.estimateMinutes / total) * 100)}%` }} />
                  </div>
                  <dl className="mt-2 grid gap-x-4 gap-y-1 text-xs sm:grid-cols-[max-content_1fr]">
                    <dt className="text-slate-400">Action</dt>
                    <dd className="font-mono text-slate-200">{step.action}</dd>
                    <dt className="text-slate-400">Target</dt>
                    <dd className="break-all font-mono text-slate-200">{step.target}</dd>
                    <dt className="text-slate-400">Parameters</dt>
                    <dd className="flex flex-wrap gap-1">
                      {Object.entries(step.params).map(([key, value]) => (
                        <code key={key} className="rounded bg-slate-800 px-1.5 py-0.5 font-mono text-slate-200">
                          {key}={String(value)}
                        </code>
                      ))}
                    </dd>
                    <dt className="text-slate-400">Waits for</dt>
                    <dd>
                      {step.dependsOn.length === 0
                        ? 'nothing: starts first'
                        : [...step.dependsOn].sort((x, y) => numberOf(x) - numberOf(y)).map((id, index) => (
                            <span key={id}>
                              {index > 0 && ', '}
                              <a href={anchor.get(id)?.href} className="text-sky-300 underline-offset-2 hover:underline">
                                step {numberOf(id)}
                              </a>
                            </span>
                          ))}
                    </dd>
                    <dt className="text-slate-400">When</dt>
                    <dd className="tabular-nums">
                      T+{minutes(startMinute)} → T+{minutes(endMinute)} (estimate)
                    </dd>
                  </dl>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}
