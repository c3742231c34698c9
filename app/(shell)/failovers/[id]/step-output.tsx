import type { JsonValue, StepOutput } from '@/lib/run-view/run-view';

const shown = (value: JsonValue) => (typeof value === 'string' ? value : JSON.stringify(value));

/** What a step returned, as key/value pairs, folded away until asked for (the dry run's wouldDo is shown apart). */
export function StepOutputDetails({ output }: { output: StepOutput }) {
  const entries = Object.entries(output).filter(([key]) => key !== 'wouldDo' && key !== 'dryRun');
  if (entries.length === 0) return null;
  return (
    <details className="mt-2 text-xs" data-testid="step-output">
      <summary className="cursor-pointer text-slate-400 hover:text-slate-200">
        Output ({entries.length} field{entries.length === 1 ? '' : 's'})
      </summary>
      <dl className="mt-1 grid gap-x-3 gap-y-0.5 rounded bg-slate-950 p-2 sm:grid-cols-[max-content_1fr]">
        {entries.map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="font-mono text-slate-400">{key}</dt>
            <dd className="break-all font-mono text-slate-200">{shown(value)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
