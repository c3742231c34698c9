'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/app/_components/fetch-json';
import { LoaderCircle } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { RequestRunState } from '@/lib/run-view/run-view';

const CHECK_EVERY_MS = 2_000;
const WORKER_HINT_AFTER_MS = 30_000;

/** The run exists, or the request has left approved/executing without one: either way the page has something new to show. */
const hasMoved = (answer: RequestRunState | undefined) => answer !== undefined && (answer.runId !== null || (answer.state !== 'approved' && answer.state !== 'executing'));

/** True once `ms` have passed since the first render. */
function useAfter(ms: number): boolean {
  const [passed, setPassed] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setPassed(true), ms);
    return () => clearTimeout(timer);
  }, [ms]);
  return passed;
}

/** An approved or executing request whose run row the worker has not written yet: poll its run state, and reload the page once when that moves. */
export function StartingRun({ requestId, approved }: { requestId: string; approved: boolean }) {
  const router = useRouter();
  const { data, error } = useQuery({
    queryKey: ['request-run-state', requestId],
    queryFn: () => fetchJson<RequestRunState>(`/api/changes/${requestId}/run-state`),
    refetchInterval: (query) => (hasMoved(query.state.data) ? false : CHECK_EVERY_MS),
    retry: false,
  });
  const moved = hasMoved(data);
  useEffect(() => {
    if (moved) router.refresh();
  }, [moved, router]);
  const slow = useAfter(WORKER_HINT_AFTER_MS) && !moved;
  const stillApproved = data ? data.state === 'approved' : approved;
  return (
    <section aria-labelledby="starting-heading" data-testid="run-starting" className="rounded-lg border border-sky-700/50 bg-slate-900 p-4">
      <h2 id="starting-heading" className="flex items-center gap-2 text-lg font-semibold">
        <LoaderCircle aria-hidden className="size-5 animate-spin motion-reduce:animate-none" />
        Starting…
      </h2>
      <p className="mt-1 text-sm text-slate-400">
        {stillApproved ? 'Approved: the leading worker picks it up and starts the run' : 'Execution has started; the leading worker is creating the run'}. Its steps appear here within seconds.
      </p>
      {slow && (
        <p className="mt-2 text-sm text-amber-200" data-testid="run-starting-slow">
          Not started after 30 s — is a worker running?
        </p>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-amber-200">
          Could not check on the run: {error.message}
        </p>
      )}
    </section>
  );
}
