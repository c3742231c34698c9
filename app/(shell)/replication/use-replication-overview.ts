'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/app/_components/fetch-json';
import type { ReplicationOverview } from '@/lib/replication/replication-overview';

export const REPLICATION_POLL_MS = 5_000;
export const REPLICATION_QUERY_KEY = ['replication'] as const;

/** The page's overview: server-rendered first, then polled every 5 s so a running job turns succeeded without a reload. */
export function useReplicationOverview(initial: ReplicationOverview) {
  return useQuery({
    queryKey: REPLICATION_QUERY_KEY,
    queryFn: () => fetchJson<ReplicationOverview>('/api/replication'),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.generatedAt),
    refetchInterval: REPLICATION_POLL_MS,
    refetchIntervalInBackground: true,
    retry: false,
  });
}
