import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CdnManagementClient } from '@azure/arm-cdn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_CREDENTIAL } from '../arm/testing/lab-credential';
import type { TestArm } from '../arm/testing/start-test-arm';
import type { FrontDoorProxy } from './start-front-door-proxy';
import { startFakeOrigin, type FakeOrigin } from './testing/start-fake-origin';

// The real ARM emulator and the real proxy together: the proxy follows what ARM says.
const PROBE_SECONDS = 1;
const SAMPLE_SIZE = 4;
let primary: FakeOrigin;
let secondary: FakeOrigin;
let lab: TestArm;
let proxy: FrontDoorProxy;
let config: { frontDoor: { subscriptionId: string; resourceGroup: string; profile: string; endpoint: string; route: string; originGroups: { secondary: string } } };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeboat-fd-arm-'));

async function whoAnswers(): Promise<string> {
  const response = await fetch(`${proxy.url}/whoami`);
  return response.ok ? (response.headers.get('x-lifeboat-origin') ?? '?') : `HTTP ${response.status}`;
}

async function secondsUntil(origin: string, limitSeconds: number): Promise<number> {
  const started = performance.now();
  while ((performance.now() - started) / 1000 < limitSeconds) {
    if ((await whoAnswers()) === origin) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${origin} did not answer within ${limitSeconds} s`);
}

beforeAll(async () => {
  primary = await startFakeOrigin('primary');
  secondary = await startFakeOrigin('secondary');
  // The lab topology, with its two origins moved to this test's own ports.
  const yaml = fs.readFileSync('config/lab.yaml', 'utf8').replace('httpPort: 7001', `httpPort: ${primary.port}`).replace('httpPort: 7002', `httpPort: ${secondary.port}`);
  fs.writeFileSync(path.join(tmp, 'lab.yaml'), yaml);
  process.env.LIFEBOAT_CONFIG = path.join(tmp, 'lab.yaml');
  const { getConfig } = await import('@/lib/config/get-config');
  config = getConfig().components as typeof config;
  const { startTestArm } = await import('../arm/testing/start-test-arm');
  const { startFrontDoorProxy } = await import('./start-front-door-proxy');
  lab = await startTestArm({ probeIntervalSeconds: PROBE_SECONDS });
  proxy = await startFrontDoorProxy({ port: 0, frontDoor: lab.arm.frontDoor });
});

afterAll(async () => {
  await proxy?.stop();
  await lab?.cleanup();
  await primary?.stop();
  await secondary?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the Front Door proxy on the ARM emulator', () => {
  it('serves from the primary origin, then from the secondary within the probe detection time when the primary goes down', async () => {
    expect(await whoAnswers()).toBe('origin-canadacentral');
    await primary.setDown(true);
    const seconds = await secondsUntil('origin-canadaeast', 30);
    console.log(`primary down → secondary serving after ${seconds.toFixed(2)} s (probe every ${PROBE_SECONDS} s, sample size ${SAMPLE_SIZE})`);
    expect(seconds).toBeLessThanOrEqual(PROBE_SECONDS * SAMPLE_SIZE + PROBE_SECONDS);
    await primary.setDown(false);
    await secondsUntil('origin-canadacentral', 30);
  });

  it('follows the route to the secondary origin group once ARM has switched it', async () => {
    const fd = config.frontDoor;
    const client = new CdnManagementClient(LAB_CREDENTIAL, fd.subscriptionId, { endpoint: lab.arm.url, tlsOptions: { ca: lab.ca } });
    const group = await client.afdOriginGroups.get(fd.resourceGroup, fd.profile, fd.originGroups.secondary);
    const route = await client.routes.beginUpdateAndWait(fd.resourceGroup, fd.profile, fd.endpoint, fd.route, { originGroup: { id: group.id } }, { updateIntervalInMs: 100 });
    expect(route.originGroup?.id?.toLowerCase()).toBe(group.id?.toLowerCase());
    expect(await whoAnswers()).toBe('origin-canadaeast');
    expect(proxy.originHealth().map((o) => o.name)).toEqual(['origin-canadaeast']);
  });
});
