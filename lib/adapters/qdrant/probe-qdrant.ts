import { QdrantClient } from '@qdrant/js-client-rest';
import type { ProbeRegion, ProbeResult, QdrantMetrics } from '@/lib/domain/probe-results';
import { httpGet } from '../probing/http-get';
import type { ProbeContext } from '../probing/probe-context';
import { DEFAULT_PROBE_TIMEOUT_MS } from '../probing/probe-context';
import { runTimedProbe } from '../probing/run-timed-probe';

export type QdrantProbeSettings = { region: ProbeRegion; url: string; apiKey?: string; collections: readonly string[] };

type Snapshot = { name: string; createdAt: string };

/** Qdrant writes creation_time without a zone; it is UTC. */
function toIsoUtc(creationTime: string): string | null {
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(creationTime) ? creationTime : `${creationTime}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

/** `/readyz`, the points count of each configured collection, and the newest snapshot on the node's disk. */
export function probeQdrant(settings: QdrantProbeSettings, context: ProbeContext = {}): Promise<ProbeResult<'qdrant'>> {
  return runTimedProbe({ component: 'qdrant', region: settings.region, target: '-' }, context, async (signal): Promise<QdrantMetrics> => {
    const base = settings.url.replace(/\/+$/, '');
    const ready = await httpGet(`${base}/readyz`, { signal, caPem: context.caPem });
    if (ready.status !== 200) throw new Error(`/readyz answered HTTP ${ready.status}${ready.body ? `: ${ready.body.slice(0, 120)}` : ''}`);
    const client = new QdrantClient({ url: base, apiKey: settings.apiKey, checkCompatibility: false, timeout: context.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS });
    const perCollection = await Promise.all(
      settings.collections.map(async (name) => {
        try {
          const info = await client.getCollection(name);
          const snapshots = await client.listSnapshots(name);
          const dated = snapshots.flatMap((snapshot): Snapshot[] => {
            const createdAt = snapshot.creation_time ? toIsoUtc(snapshot.creation_time) : null;
            return createdAt ? [{ name: snapshot.name, createdAt }] : [];
          });
          return { name, points: info.points_count ?? 0, snapshots: dated };
        } catch (error) {
          // A collection the secondary has not restored yet is a finding, not a failed probe.
          if (statusOf(error) === 404) return { name, points: null, snapshots: [] };
          throw error;
        }
      }),
    );
    const newestSnapshot = perCollection
      .flatMap((collection) => collection.snapshots)
      .reduce<Snapshot | null>((newest, snapshot) => (newest === null || snapshot.createdAt > newest.createdAt ? snapshot : newest), null);
    return { ready: true, collections: perCollection.map(({ name, points }) => ({ name, points })), newestSnapshot };
  });
}
