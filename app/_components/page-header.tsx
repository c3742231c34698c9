import type { ReactNode } from 'react';

export function PageHeader({ title, purpose, children }: { title: string; purpose: string; children?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 text-sm text-slate-400">{purpose}</p>
      </div>
      {children}
    </div>
  );
}
