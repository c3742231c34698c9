import type { BlobServiceClient } from '@azure/storage-blob';
import type { BlobMetrics, ProbeResult } from '@/lib/domain/probe-results';
import type { ProbeContext } from '../probing/probe-context';
import { runTimedProbe } from '../probing/run-timed-probe';

export type BlobGeoProbeSettings = {
  accountName: string;
  /** A client on the account's `-secondary` endpoint: only it answers Get Blob Service Stats. */
  secondary: BlobServiceClient;
};

const GEO_STATUSES = ['live', 'bootstrap', 'unavailable'] as const;

function geoStatusOf(value: string | undefined): BlobMetrics['geoStatus'] {
  const status = GEO_STATUSES.find((known) => known === value?.toLowerCase());
  if (!status) throw new Error(`Get Blob Service Stats reported an unknown geo-replication status ${JSON.stringify(value ?? null)}`);
  return status;
}

/**
 * Geo-replication status and Last Sync Time; lag = now − last sync. `unavailable` is a finding
 * (ok=true): the alert rules read geoStatus.
 */
export function probeBlobGeo(settings: BlobGeoProbeSettings, context: ProbeContext = {}): Promise<ProbeResult<'blob'>> {
  return runTimedProbe({ component: 'blob', region: 'global', target: settings.accountName }, context, async (signal): Promise<BlobMetrics> => {
    const stats = await settings.secondary.getStatistics({ abortSignal: signal });
    const geoStatus = geoStatusOf(stats.geoReplication?.status);
    const lastSync = stats.geoReplication?.lastSyncOn;
    const lastSyncValid = lastSync instanceof Date && !Number.isNaN(lastSync.getTime()) ? lastSync : null;
    const now = context.now?.() ?? new Date();
    // A clock behind the service's would give a negative lag: no lag is what that means.
    const lagSeconds = lastSyncValid ? Math.max(0, (now.getTime() - lastSyncValid.getTime()) / 1000) : null;
    return { geoStatus, lastSyncTime: lastSyncValid?.toISOString() ?? null, lagSeconds };
  });
}
