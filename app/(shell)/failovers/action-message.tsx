import type { ActionResult } from '@/lib/actions/action-result';

/** The server's answer to a form, read out to screen readers as it arrives. */
export function ActionMessage({ result, id }: { result: ActionResult | null; id?: string }) {
  return (
    <p id={id} role="status" className={`text-sm ${result?.ok ? 'text-emerald-300' : 'text-rose-300'}`}>
      {result?.message}
      {result && !result.ok && result.fieldErrors && <> {Object.values(result.fieldErrors).flat().join('; ')}.</>}
    </p>
  );
}
