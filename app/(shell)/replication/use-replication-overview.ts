'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReplicationOverview } from '@/lib/replication/replication-overview';

export const REPLICATION_POLL_MS = 5_000;
export const REPLICATION_QUERY_KEY = ['replication'] as const;

async function fetchOverview(): Promise<ReplicationOverview> {
  const response = await fetch('/api/replication', { cache: 'no-store' });
  if (!response.ok) {
    if (response.status === 401) throw new Error('Your session has ended: reload to sign in again.');
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `The server answered ${response.status}.`);
  }
  return response.json() as Promise<ReplicationOverview>;
}

/** The page's overview: server-rendered first, then polled every 5 s so a running job turns succeeded without a reload. */
export function useReplicationOverview(initial: ReplicationOverview) {
  return useQuery({
    queryKey: REPLICATION_QUERY_KEY,
    queryFn: fetchOverview,
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.generatedAt),
    refetchInterval: REPLICATION_POLL_MS,
    refetchIntervalInBackground: true,
    retry: false,
  });
}
