import type { ReactNode } from 'react';

/** One part of the report; in print, each starts on a new page. */
export function ReportSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section data-report-section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-3 space-y-4">{children}</div>
    </section>
  );
}
