import type { GeoReplicationStats } from './geo-replication';

/** The body of Get Blob Service Stats, as Azure (and Azurite) write it; LastSyncTime in RFC 1123. */
export function renderServiceStats(stats: GeoReplicationStats): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<StorageServiceStats><GeoReplication><Status>${stats.status}</Status><LastSyncTime>${stats.lastSyncTime.toUTCString()}</LastSyncTime></GeoReplication></StorageServiceStats>`
  );
}
