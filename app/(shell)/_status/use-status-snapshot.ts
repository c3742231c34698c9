'use client';

import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { StatusError, StatusSnapshot, StatusWindow } from '@/lib/status/status-snapshot';

export const STATUS_POLL_MS = 5_000;
/** A failed poll; status 503 means the server could not read its database. */
export class StatusPollError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const statusKey = (window: StatusWindow) => ['status', window] as const;

/** GET /api/status with If-None-Match: a 304 keeps the snapshot already held. */
async function fetchStatus(client: QueryClient, window: StatusWindow): Promise<StatusSnapshot> {
  const held = client.getQueryData<StatusSnapshot>(statusKey(window));
  const response = await fetch(`/api/status?window=${window}`, { cache: 'no-store', headers: held ? { 'if-none-match': `"${held.version}"` } : {} });
  if (response.status === 304 && held) return held;
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as StatusError | null;
    if (response.status === 401) throw new StatusPollError('Your session has ended: reload to sign in again.', 401);
    throw new StatusPollError(body?.message ?? `The server answered ${response.status}.`, response.status);
  }
  return response.json() as Promise<StatusSnapshot>;
}

/** The board's snapshot: server-rendered first (initial), then polled every 5 s. */
export function useStatusSnapshot(window: StatusWindow, initial: StatusSnapshot) {
  const client = useQueryClient();
  return useQuery({
    queryKey: statusKey(window),
    queryFn: () => fetchStatus(client, window),
    initialData: window === initial.window ? initial : undefined,
    initialDataUpdatedAt: window === initial.window ? Date.parse(initial.generatedAt) : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: STATUS_POLL_MS,
    refetchIntervalInBackground: true,
    retry: false,
  });
}
