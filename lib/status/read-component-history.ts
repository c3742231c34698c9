import type { Db } from '@/lib/db/client';
import { probeHistory } from '@/lib/db/probes/probe-history';
import type { Component } from '@/lib/domain/probe-results';
import { toComponentHistory, type ComponentHistory } from './to-component-history';
import { WINDOW_SECONDS, type StatusWindow } from './status-snapshot';

export const RECENT_SAMPLES = 50;

/** One component's detail page: its history over the window in both regions, and its newest samples (newest first). */
export async function readComponentHistory(db: Db, component: Component, window: StatusWindow, now = new Date()): Promise<ComponentHistory> {
  const from = new Date(now.getTime() - WINDOW_SECONDS[window] * 1000);
  const [history, recent] = await Promise.all([
    // 48 h of raw samples in two regions at a 5 s interval is ~70,000 rows: the cap must not cut into the window.
    probeHistory(db, { component, from, to: now, maxSamples: 100_000 }),
    probeHistory(db, { component, from, to: now, maxSamples: RECENT_SAMPLES }),
  ]);
  return toComponentHistory(component, window, history, [...recent.samples].reverse(), now);
}
