import type { ActiveOriginGroupView, FrontDoorOriginView } from '../arm/front-door-view';
import { createHealthWindow, type HealthWindow, type LoadBalancingSettings } from './create-health-window';
import { probeOrigin } from './probe-origin';

export type OriginHealth = { name: string; healthy: boolean; lastProbeAt: string | null; lastError?: string; latencyMs?: number };

export type OriginHealthWatch = {
  isHealthy(origin: FrontDoorOriginView): boolean;
  report(group: ActiveOriginGroupView): OriginHealth[];
  /** Starts probing the group's origins (new ones at once) and stops probing the ones it no longer has. */
  follow(group: ActiveOriginGroupView): Promise<void>;
  stop(): void;
};

type Tracked = { window: HealthWindow; inFlight: boolean; lastProbeAt: string | null; lastError?: string; latencyMs?: number };

/** Health is per endpoint (host, port, probe path), so an origin shared by two groups keeps its history across a switch. */
function endpointKey(origin: FrontDoorOriginView, path: string): string {
  return `${origin.hostName}:${origin.httpPort}${path}`;
}

/** Probes every origin of the followed group each interval and keeps its sliding health window. */
export function watchOriginHealth(settings: LoadBalancingSettings, probeTimeoutMs?: number): OriginHealthWatch {
  createHealthWindow(settings); // throws now on invalid settings rather than at the first probe
  const tracked = new Map<string, Tracked>();
  let group: ActiveOriginGroupView | null = null;
  let timer: NodeJS.Timeout | null = null;
  let intervalMs = 0;
  let stopped = false;

  const probe = async (key: string, origin: FrontDoorOriginView, path: string) => {
    const entry = tracked.get(key);
    if (!entry || entry.inFlight || stopped) return;
    entry.inFlight = true;
    const result = await probeOrigin({ hostName: origin.hostName, httpPort: origin.httpPort, path }, probeTimeoutMs ?? Math.min(intervalMs, 10_000));
    entry.inFlight = false;
    if (tracked.get(key) !== entry) return;
    entry.window.record(result.ok);
    entry.lastProbeAt = new Date().toISOString();
    entry.lastError = result.error;
    entry.latencyMs = result.latencyMs;
  };
  const probeAll = () => {
    const current = group;
    if (!current) return Promise.resolve();
    return Promise.all(current.origins.map((origin) => probe(endpointKey(origin, current.probe.path), origin, current.probe.path))).then(() => undefined);
  };

  return {
    isHealthy: (origin) => (group ? (tracked.get(endpointKey(origin, group.probe.path))?.window.healthy() ?? true) : true),
    report: (view) =>
      view.origins.map((origin) => {
        const entry = tracked.get(endpointKey(origin, view.probe.path));
        return {
          name: origin.name,
          healthy: entry?.window.healthy() ?? true,
          lastProbeAt: entry?.lastProbeAt ?? null,
          ...(entry?.lastError ? { lastError: entry.lastError } : {}),
          ...(entry?.latencyMs !== undefined ? { latencyMs: entry.latencyMs } : {}),
        };
      }),
    follow: async (next) => {
      if (stopped) return;
      group = next;
      const keys = new Set(next.origins.map((origin) => endpointKey(origin, next.probe.path)));
      for (const key of tracked.keys()) if (!keys.has(key)) tracked.delete(key);
      const added = next.origins.filter((origin) => !tracked.has(endpointKey(origin, next.probe.path)));
      for (const origin of added) tracked.set(endpointKey(origin, next.probe.path), { window: createHealthWindow(settings), inFlight: false, lastProbeAt: null });
      const nextInterval = Math.max(50, Math.round(next.probe.intervalSeconds * 1000));
      if (nextInterval !== intervalMs || !timer) {
        intervalMs = nextInterval;
        if (timer) clearInterval(timer);
        timer = setInterval(() => void probeAll(), intervalMs);
        timer.unref();
      }
      await Promise.all(added.map((origin) => probe(endpointKey(origin, next.probe.path), origin, next.probe.path)));
    },
    stop: () => {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
