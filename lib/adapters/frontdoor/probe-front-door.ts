import { CdnManagementClient, type AFDOrigin, type AFDOriginGroup } from '@azure/arm-cdn';
import type { TokenCredential } from '@azure/core-auth';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { FrontDoorMetrics, ProbeResult } from '@/lib/domain/probe-results';
import { azureClientOptions } from '../azure/azure-client-options';
import { httpGet } from '../probing/http-get';
import { DEFAULT_PROBE_TIMEOUT_MS, type ProbeContext } from '../probing/probe-context';
import { runTimedProbe } from '../probing/run-timed-probe';
import { pickServingRegion } from './pick-serving-region';

export type FrontDoorProbeSettings = LifeboatConfig['components']['frontDoor'] & { credential: TokenCredential };

type Origin = FrontDoorMetrics['origins'][number];
type Health = { healthy: boolean; latencyMs: number | null };

const lastSegment = (id: string) => id.split('/').filter(Boolean).at(-1) ?? '';

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}

/** Front Door's own rule: a 200 on the group's probe path, protocol and port. */
async function checkOrigin(url: string, signal: AbortSignal, caPem: string | undefined): Promise<Health> {
  const started = performance.now();
  try {
    const answer = await httpGet(url, { signal, caPem });
    return { healthy: answer.status === 200, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { healthy: false, latencyMs: null };
  }
}

/**
 * The route's active origin group, every origin of both configured groups (ARM settings), each
 * origin's health from Lifeboat's own GET (ARM has none), and the region Front Door would serve from.
 */
export function probeFrontDoor(settings: FrontDoorProbeSettings, context: ProbeContext = {}): Promise<ProbeResult<'frontdoor'>> {
  return runTimedProbe({ component: 'frontdoor', region: 'global', target: settings.route }, context, async (signal): Promise<FrontDoorMetrics> => {
    const client = new CdnManagementClient(settings.credential, settings.subscriptionId, { endpoint: settings.armEndpoint, ...azureClientOptions(context.caPem) });
    const { resourceGroup: rg, profile } = settings;
    const groupNames = [settings.originGroups.primary, settings.originGroups.secondary];
    const [route, groups] = await Promise.all([
      client.routes.get(rg, profile, settings.endpoint, settings.route, { abortSignal: signal }),
      Promise.all(
        groupNames.map(async (name) => {
          const [group, origins]: [AFDOriginGroup, AFDOrigin[]] = await Promise.all([
            client.afdOriginGroups.get(rg, profile, name, { abortSignal: signal }),
            collect(client.afdOrigins.listByOriginGroup(rg, profile, name, { abortSignal: signal })),
          ]);
          return { name: group.name ?? name, group, origins };
        }),
      ),
    ]);
    const activeId = route.originGroup?.id;
    if (!activeId) throw new Error(`route ${settings.route} has no origin group`);
    const activeOriginGroup = groups.find((group) => group.name.toLowerCase() === lastSegment(activeId).toLowerCase())?.name ?? lastSegment(activeId);

    const regionOf = (name: string): Origin['region'] => {
      if (name.toLowerCase() === settings.origins.primary.name.toLowerCase()) return 'primary';
      if (name.toLowerCase() === settings.origins.secondary.name.toLowerCase()) return 'secondary';
      return null;
    };
    // Half the probe's budget per origin, so one silent origin is "unhealthy", not a timed-out probe.
    const originSignal = AbortSignal.any([signal, AbortSignal.timeout(Math.floor((context.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS) / 2))]);
    const checks = new Map<string, Promise<Health>>();
    const healthOf = (group: AFDOriginGroup, origin: AFDOrigin): Promise<Health> | null => {
      if (!origin.hostName) return null;
      const region = regionOf(origin.name ?? '');
      const https = group.healthProbeSettings?.probeProtocol === 'Https';
      const port = https ? (origin.httpsPort ?? 443) : (origin.httpPort ?? 80);
      const path = region ? settings.origins[region].healthPath : (group.healthProbeSettings?.probePath ?? '/');
      const url = `${https ? 'https' : 'http'}://${origin.hostName}:${port}${path}`;
      // The same origin in both groups is checked once.
      if (!checks.has(url)) checks.set(url, checkOrigin(url, originSignal, context.caPem));
      return checks.get(url) ?? null;
    };

    const origins = await Promise.all(
      groups.flatMap(({ name, group, origins: members }) =>
        members.map(async (origin): Promise<Origin> => {
          const health = await healthOf(group, origin);
          return {
            name: origin.name ?? '',
            originGroup: name,
            region: regionOf(origin.name ?? ''),
            priority: origin.priority ?? 1,
            weight: origin.weight ?? 1000,
            enabled: origin.enabledState !== 'Disabled',
            healthy: health?.healthy ?? null,
            healthLatencyMs: health?.latencyMs ?? null,
          };
        }),
      ),
    );
    return { route: settings.route, activeOriginGroup, servingRegion: pickServingRegion(origins, activeOriginGroup), origins };
  });
}
