'use client';

import { useSyncExternalStore } from 'react';
import { formatUtc } from '@/lib/domain/format-utc';

// One shared 5-second clock for every timestamp on the page.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 5_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function describe(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 5) return 'just now';
  const text = s < 60 ? `${s} s` : s < 3600 ? `${Math.round(s / 60)} min` : s < 86_400 ? `${Math.round(s / 3600)} h` : `${Math.round(s / 86_400)} d`;
  return ms >= 0 ? `${text} ago` : `in ${text}`;
}

/** "4 min ago", with the absolute UTC time on hover; the server renders the UTC time. */
export function RelativeTime({ iso }: { iso: string }) {
  const current = useSyncExternalStore(subscribe, () => now, () => null);
  const at = new Date(iso);
  const utc = formatUtc(at, true);
  return (
    <time dateTime={iso} title={utc}>
      {current === null ? utc : describe(current - at.getTime())}
    </time>
  );
}
