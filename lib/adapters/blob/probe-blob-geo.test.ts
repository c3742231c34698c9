import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlobService, type BlobService } from '@/lab/blob/start-blob-service';
import type { LifeboatConfig } from '@/lib/config/schema';
import { blobServiceClient } from './blob-service-client';
import { probeBlobGeo } from './probe-blob-geo';

let dir: string;
let blob: BlobService;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-probe-blob-'));
  blob = await startBlobService({ port: 0, stateDir: dir });
});
afterAll(async () => {
  await blob?.stop();
  await rm(dir, { recursive: true, force: true });
});

const settings = () => {
  const config: LifeboatConfig['components']['blob'] = { kind: 'blob', accountName: 'devstoreaccount1', primaryUrl: blob.url, secondaryUrl: blob.secondaryUrl, containers: { qdrantSnapshots: 'q', redisBackups: 'r', audit: 'audit' } };
  return { accountName: 'devstoreaccount1', secondary: blobServiceClient(blob.secondaryUrl, config, { staticTokenForLab: true }) };
};

describe('probeBlobGeo against the lab Blob front (Azurite, Shared Key with its development key)', () => {
  it('reports live replication with the lag from Last Sync Time', async () => {
    // The sync point moves in 15 s steps, so one may fall during the probe: it reports the value before or after.
    const before = blob.geoReplication().lastSyncTime.getTime();
    const result = await probeBlobGeo(settings());
    const after = blob.geoReplication().lastSyncTime.getTime();
    expect(result).toMatchObject({ component: 'blob', region: 'global', target: 'devstoreaccount1', ok: true, metrics: { geoStatus: 'live' } });
    expect(result.metrics?.lagSeconds).toBeGreaterThanOrEqual(0);
    expect(result.metrics?.lagSeconds).toBeLessThan(17);
    expect([before, after]).toContain(Date.parse(result.metrics?.lastSyncTime ?? ''));
  });

  it('reports paused replication as unavailable with a growing lag (a finding, not a failed probe)', async () => {
    blob.pauseGeoReplication();
    try {
      const frozen = blob.geoReplication().lastSyncTime.getTime();
      const later = new Date(frozen + 600_000);
      const result = await probeBlobGeo(settings(), { now: () => later });
      expect(result).toMatchObject({ ok: true, metrics: { geoStatus: 'unavailable', lastSyncTime: new Date(frozen).toISOString(), lagSeconds: 600 } });
    } finally {
      blob.resumeGeoReplication();
    }
  });

  it('times out beyond the deadline and reports a refused connection when down', async () => {
    blob.setLatency(1_000);
    try {
      expect(await probeBlobGeo(settings(), { timeoutMs: 300 })).toMatchObject({ ok: false, error: 'timed out after 300 ms' });
    } finally {
      blob.setLatency(0);
    }
    await blob.setDown(true);
    try {
      const down = await probeBlobGeo(settings());
      expect(down.ok).toBe(false);
      expect(down.error).toMatch(/ECONNREFUSED/);
    } finally {
      await blob.setDown(false);
    }
  });
});
