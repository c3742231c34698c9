'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/app/_components/fetch-json';
import { useEffect, useState } from 'react';
import { advanceRunView } from '@/lib/run-view/advance-run-view';
import type { RunView } from '@/lib/run-view/run-view';

export const RUN_POLL_MS = 2_000;
const TICK_MS = 1_000;
export const runQueryKey = (runId: string) => ['run', runId] as const;

/** A run: server-rendered first, then polled every 2 s while it runs or its request is being closed (not while the tab is hidden); then it stops. */
export function useRunView(initial: RunView) {
  return useQuery({
    queryKey: runQueryKey(initial.run.id),
    queryFn: () => fetchJson<RunView>(`/api/runs/${initial.run.id}`),
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
