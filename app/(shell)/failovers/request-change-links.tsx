import { ArrowLeftRight, Undo2 } from 'lucide-react';
import Link from 'next/link';

/**
 * The way into a failover or failback: each opens the new-request form with its kind chosen. They
 * only start a draft; nothing runs until two approvers confirm its plan.
 */
export function RequestChangeLinks({ primary, secondary }: { primary: string; secondary: string }) {
  return (
    <div className="flex flex-wrap gap-2" data-testid="request-change-links">
      <Link
        href="/failovers?new=failover#new-request"
        title={`Draft a failover from ${primary} to ${secondary}: you review its plan, then two approvers confirm it`}
        className="inline-flex items-center gap-1.5 rounded-md border border-rose-500/60 px-2.5 py-1.5 text-sm text-rose-100 hover:bg-rose-500/10"
      >
        <ArrowLeftRight aria-hidden className="size-4" />
        Request failover
      </Link>
      <Link
        href="/failovers?new=failback#new-request"
        title={`Draft a failback from ${secondary} to ${primary}: you review its plan, then two approvers confirm it`}
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-600 px-2.5 py-1.5 text-sm text-slate-200 hover:bg-slate-800"
      >
        <Undo2 aria-hidden className="size-4" />
        Request failback
      </Link>
    </div>
  );
}
