'use client';

import { Check, Copy } from 'lucide-react';
import { useState } from 'react';

/** The plan's sha256 in full: what approvers approve, copyable to compare with a runbook or a chat message. */
export function DigestBox({ digest }: { digest: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(digest);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <section aria-labelledby="digest-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id="digest-heading" className="text-lg font-semibold">
          Plan digest
        </h2>
        <button type="button" onClick={copy} className="inline-flex items-center gap-1.5 rounded-md border border-slate-700 px-2.5 py-1 text-sm text-slate-200 hover:bg-slate-800">
          {copied ? <Check aria-hidden className="size-4 text-emerald-300" /> : <Copy aria-hidden className="size-4" />}
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="mt-1 text-sm text-slate-400">sha256 of the plan below. An approval binds to it: if the plan changes, every approval is void.</p>
      <code data-testid="plan-digest" className="mt-2 block break-all rounded-md bg-slate-950 px-3 py-2 font-mono text-sm text-slate-100">
        {digest}
      </code>
    </section>
  );
}
