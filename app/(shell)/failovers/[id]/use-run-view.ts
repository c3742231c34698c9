'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { advanceRunView } from '@/lib/run-view/advance-run-view';
import type { RunView, RunViewError } from '@/lib/run-view/run-view';

export const RUN_POLL_MS = 2_000;
const TICK_MS = 1_000;
export const runQueryKey = (runId: string) => ['run', runId] as const;

async function fetchRun(runId: string): Promise<RunView> {
  const response = await fetch(`/api/runs/${runId}`, { cache: 'no-store' });
  if (!response.ok) {
    if (response.status === 401) throw new Error('Your session has ended: reload to sign in again.');
    const body = (await response.json().catch(() => null)) as RunViewError | null;
    throw new Error(body?.message ?? `The server answered ${response.status}.`);
  }
  return response.json() as Promise<RunView>;
}

/** A run: server-rendered first, then polled every 2 s while it runs or its request is being closed (not while the tab is hidden); then it stops. */
export function useRunView(initial: RunView) {
  return useQuery({
    queryKey: runQueryKey(initial.run.id),
    queryFn: () => fetchRun(initial.run.id),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.generatedAt),
    refetchInterval: (query) => (query.state.data?.run.state === 'running' || query.state.data?.closing ? RUN_POLL_MS : false),
    refetchIntervalInBackground: false,
    retry: false,
  });
}

/**
 * The view moved on by the seconds since this browser got it, each second while the run runs: the
 * server's elapsed time stays the base and only the local delta is added, so clock skew cannot show.
 */
export function useTickingRunView(view: RunView): RunView {
  const running = view.run.state === 'running';
  const [tick, setTick] = useState({ of: view.generatedAt, seconds: 0 });
  useEffect(() => {
    if (!running) return;
    const receivedAt = Date.now();
    const timer = setInterval(() => setTick({ of: view.generatedAt, seconds: Math.floor((Date.now() - receivedAt) / 1000) }), TICK_MS);
    return () => clearInterval(timer);
  }, [view.generatedAt, running]);
  return advanceRunView(view, tick.of === view.generatedAt ? tick.seconds : 0);
}
