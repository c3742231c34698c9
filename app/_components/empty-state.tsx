import type { ReactNode } from 'react';

/** A plain statement that a page has nothing yet, and what will put something there. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-dashed border-slate-700 p-8 text-slate-300">
      <h2 className="text-lg font-semibold text-slate-100">{title}</h2>
      <div className="mt-2 max-w-prose space-y-2 text-sm leading-6">{children}</div>
    </section>
  );
}
