import { CdnManagementClient } from '@azure/arm-cdn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestArm, type TestArm } from '@/lab/arm/testing/start-test-arm';
import { startFakeOrigin, type FakeOrigin } from '@/lab/frontdoor/testing/start-fake-origin';
import { getConfig } from '@/lib/config/get-config';
import { labAwareCredential } from '../azure/lab-aware-credential';
import { probeFrontDoor, type FrontDoorProbeSettings } from './probe-front-door';

const POLL = { updateIntervalInMs: 50 };
let lab: TestArm;
let origins: { primary: FakeOrigin; secondary: FakeOrigin };
let client: CdnManagementClient;
let settings: FrontDoorProbeSettings;

beforeAll(async () => {
  lab = await startTestArm({ lroDelayMs: 50 });
  const [primary, secondary] = await Promise.all([startFakeOrigin('primary'), startFakeOrigin('secondary')]);
  origins = { primary, secondary };
  const fd = getConfig().components.frontDoor;
  settings = { ...fd, armEndpoint: lab.arm.url, credential: labAwareCredential({ staticTokenForLab: true }) };
  client = new CdnManagementClient(settings.credential, fd.subscriptionId, { endpoint: lab.arm.url, tlsOptions: { ca: lab.ca } });
  // Point the emulated origins at this test's fake origins (free ports), as an operator would in ARM.
  const members = [
    [fd.originGroups.primary, fd.origins.primary.name, primary.port],
    [fd.originGroups.primary, fd.origins.secondary.name, secondary.port],
    [fd.originGroups.secondary, fd.origins.secondary.name, secondary.port],
  ] as const;
  for (const [group, name, port] of members) await client.afdOrigins.beginUpdateAndWait(fd.resourceGroup, fd.profile, group, name, { httpPort: port }, POLL);
});
afterAll(async () => {
  await Promise.all([origins?.primary.stop(), origins?.secondary.stop()]);
  await lab?.cleanup();
});

const probe = (timeoutMs?: number) => probeFrontDoor(settings, { caPem: lab.ca, timeoutMs });

describe('probeFrontDoor against the ARM emulator (@azure/arm-cdn) and live origins', () => {
  it('reads the route, both groups’ origins with their settings and health, and the serving region', async () => {
    const result = await probe();
    expect(result).toMatchObject({ component: 'frontdoor', region: 'global', target: 'default-route', ok: true });
    expect(result.metrics).toMatchObject({ route: 'default-route', activeOriginGroup: 'og-canadacentral', servingRegion: 'primary' });
    expect(result.metrics?.origins.map((o) => [o.originGroup, o.name, o.region, o.priority, o.weight, o.enabled, o.healthy])).toEqual([
      ['og-canadacentral', 'origin-canadacentral', 'primary', 1, 1000, true, true],
      ['og-canadacentral', 'origin-canadaeast', 'secondary', 2, 1000, true, true],
      ['og-canadaeast', 'origin-canadaeast', 'secondary', 1, 1000, true, true],
    ]);
    expect(origins.secondary.probes()).toBe(1); // the origin in both groups is checked once
  });

  it('follows origin health, the route switch and a disabled origin', async () => {
    await origins.primary.setDown(true);
    try {
      const failedOver = await probe();
      expect(failedOver.metrics?.servingRegion).toBe('secondary');
      expect(failedOver.metrics?.origins[0]).toMatchObject({ name: 'origin-canadacentral', healthy: false, healthLatencyMs: null });
    } finally {
      await origins.primary.setDown(false);
    }

    const fd = getConfig().components.frontDoor;
    const secondaryGroup = await client.afdOriginGroups.get(fd.resourceGroup, fd.profile, fd.originGroups.secondary);
    await client.routes.beginUpdateAndWait(fd.resourceGroup, fd.profile, fd.endpoint, fd.route, { originGroup: { id: secondaryGroup.id } }, POLL);
    await client.afdOrigins.beginUpdateAndWait(fd.resourceGroup, fd.profile, fd.originGroups.secondary, fd.origins.secondary.name, { enabledState: 'Disabled' }, POLL);
    const switched = await probe();
    expect(switched.metrics).toMatchObject({ activeOriginGroup: 'og-canadaeast', servingRegion: null });
    expect(switched.metrics?.origins[2]).toMatchObject({ enabled: false, healthy: true });
  });

  it('times out when ARM answers beyond the deadline and fails when ARM is down', async () => {
    lab.arm.setLatency(1_000);
    try {
      expect(await probe(300)).toMatchObject({ ok: false, error: 'timed out after 300 ms', metrics: null });
    } finally {
      lab.arm.setLatency(0);
    }
    await lab.arm.setDown(true);
    try {
      expect((await probe()).error).toMatch(/ECONNREFUSED/);
    } finally {
      await lab.arm.setDown(false);
    }
  });
});
