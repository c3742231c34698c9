import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActiveOriginGroupView, FrontDoorOriginView } from '../arm/front-door-view';
import { startFrontDoorProxy, type FrontDoorProxy } from './start-front-door-proxy';
import { fakeFrontDoorView } from './testing/fake-front-door-view';
import { startFakeOrigin, type FakeOrigin } from './testing/start-fake-origin';

const INTERVAL_S = 0.5;
const LOAD_BALANCING = { sampleSize: 4, successfulSamplesRequired: 3 };
const PROBE = { path: '/health', intervalSeconds: INTERVAL_S, protocol: 'Http' as const };

const started: { stop(): Promise<void> }[] = [];
async function keep<T extends { stop(): Promise<void> }>(service: Promise<T>): Promise<T> {
  const value = await service;
  started.push(value);
  return value;
}

function asOrigin(server: FakeOrigin, priority: number, weight = 1000): FrontDoorOriginView {
  return { name: server.name, hostName: '127.0.0.1', httpPort: server.port, priority, weight, enabled: true };
}

async function whoAnswers(proxy: FrontDoorProxy, path = '/'): Promise<{ status: number; origin: string | null }> {
  const res = await fetch(`${proxy.url}${path}`);
  await res.arrayBuffer();
  return { status: res.status, origin: res.headers.get('x-lifeboat-origin') };
}

/** Polls until `origin` answers; returns the milliseconds it took. */
async function msUntil(proxy: FrontDoorProxy, origin: string, limitMs: number): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < limitMs) {
    if ((await whoAnswers(proxy)).origin === origin) return Math.round(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${origin} did not answer within ${limitMs} ms`);
}

let primary: FakeOrigin;
let secondary: FakeOrigin;
let spare: FakeOrigin;

beforeAll(async () => {
  primary = await keep(startFakeOrigin('origin-canadacentral'));
  secondary = await keep(startFakeOrigin('origin-canadaeast'));
  spare = await keep(startFakeOrigin('origin-spare'));
});

afterAll(async () => {
  for (const service of started.reverse()) await service.stop();
});

describe('Front Door proxy: priority failover by health probes', () => {
  let proxy: FrontDoorProxy;
  beforeAll(async () => {
    const view = fakeFrontDoorView([{ name: 'og-rag', origins: [asOrigin(primary, 1), asOrigin(secondary, 2)], probe: PROBE }]);
    proxy = await keep(startFrontDoorProxy({ port: 0, frontDoor: view, loadBalancing: LOAD_BALANCING }));
  });

  it('sends traffic to the priority-1 origin while it is healthy', async () => {
    for (let i = 0; i < 5; i += 1) expect((await whoAnswers(proxy)).origin).toBe('origin-canadacentral');
    expect(proxy.originHealth().map((o) => [o.name, o.healthy])).toEqual([['origin-canadacentral', true], ['origin-canadaeast', true]]);
    expect(proxy.originHealth().every((o) => o.lastProbeAt !== null)).toBe(true);
  });

  it('fails over within the probe detection time when the primary goes down, and back when it heals', async () => {
    const detectionBoundMs = (LOAD_BALANCING.sampleSize + 1) * INTERVAL_S * 1000;
    await primary.setDown(true);
    const detectedMs = await msUntil(proxy, 'origin-canadaeast', detectionBoundMs + 2000);
    console.log(`front door failover: ${detectedMs} ms (interval ${INTERVAL_S * 1000} ms, ${LOAD_BALANCING.successfulSamplesRequired}/${LOAD_BALANCING.sampleSize}; bound ${detectionBoundMs} ms)`);
    expect(detectedMs).toBeLessThanOrEqual(detectionBoundMs);
    const health = proxy.originHealth().find((o) => o.name === 'origin-canadacentral');
    expect(health?.healthy).toBe(false);
    expect(health?.lastError).toMatch(/ECONNREFUSED/);

    const probesBefore = primary.probes();
    await primary.setDown(false);
    // Failback takes successfulSamplesRequired good probes, one per interval (≤ 1.5 s here);
    // the extra second absorbs event-loop lag on a busy CI. The probe count shows it did not fail back early.
    const failbackBoundMs = (LOAD_BALANCING.successfulSamplesRequired + 1) * INTERVAL_S * 1000 + 1000;
    const failbackMs = await msUntil(proxy, 'origin-canadacentral', failbackBoundMs + 2000);
    const goodProbes = primary.probes() - probesBefore;
    console.log(`front door failback: ${failbackMs} ms after ${goodProbes} good probes (bound ${failbackBoundMs} ms)`);
    expect(goodProbes).toBeGreaterThanOrEqual(LOAD_BALANCING.successfulSamplesRequired);
    expect(failbackMs).toBeLessThanOrEqual(failbackBoundMs);
  });

  it('streams bodies both ways and adds the Front Door headers', async () => {
    const body = randomBytes(5 * 1024 * 1024);
    const res = await fetch(`${proxy.url}/echo`, { method: 'POST', body, headers: { 'x-forwarded-for': '203.0.113.9' } });
    const answer = (await res.json()) as { name: string; length: number; sha256: string; headers: Record<string, string> };
    expect(res.status).toBe(200);
    expect(answer.length).toBe(body.length);
    expect(answer.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(answer.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(answer.headers['x-azure-ref']).toBe(res.headers.get('x-azure-ref'));
    expect(res.headers.get('x-azure-ref')).toMatch(/^\d{8}T\d{6}Z-/);
    expect(res.headers.get('x-origin-header')).toBe('kept');
    expect(res.headers.get('x-lifeboat-origin')).toBe(answer.name);
  });

  it('adds little latency over calling the origin directly', async () => {
    const time = async (url: string, n: number) => {
      const start = performance.now();
      for (let i = 0; i < n; i += 1) await (await fetch(url)).arrayBuffer();
      return (performance.now() - start) / n;
    };
    await time(`${proxy.url}/warm`, 20);
    const direct = await time(`${primary.url}/x`, 200);
    const viaProxy = await time(`${proxy.url}/x`, 200);
    console.log(`front door overhead: direct ${direct.toFixed(2)} ms, via proxy ${viaProxy.toFixed(2)} ms, +${(viaProxy - direct).toFixed(2)} ms per request`);
    expect(viaProxy - direct).toBeLessThan(10);
  });
});

describe('Front Door proxy: origin group switch, weights, nothing healthy', () => {
  it('follows a switch of the route to another origin group at once', async () => {
    const groups: ActiveOriginGroupView[] = [
      { name: 'og-canadacentral', origins: [asOrigin(primary, 1)], probe: PROBE },
      { name: 'og-canadaeast', origins: [asOrigin(secondary, 1)], probe: PROBE },
    ];
    const view = fakeFrontDoorView(groups);
    const proxy = await keep(startFrontDoorProxy({ port: 0, frontDoor: view, loadBalancing: LOAD_BALANCING }));
    expect((await whoAnswers(proxy)).origin).toBe('origin-canadacentral');
    view.switchTo('og-canadaeast');
    expect(await whoAnswers(proxy)).toEqual({ status: 200, origin: 'origin-canadaeast' });
    expect(proxy.originGroup()).toBe('og-canadaeast');
    expect(proxy.originHealth().map((o) => o.name)).toEqual(['origin-canadaeast']);
    view.switchTo('og-canadacentral');
    expect((await whoAnswers(proxy)).origin).toBe('origin-canadacentral');
    await proxy.stop();
    expect(view.listenerCount()).toBe(0);
  });

  it('splits traffic by weight among equal priorities (10/90 over 1,000 requests)', async () => {
    const view = fakeFrontDoorView([{ name: 'og-split', origins: [asOrigin(primary, 1, 10), asOrigin(secondary, 1, 90), asOrigin(spare, 2, 1000)], probe: PROBE }]);
    const proxy = await keep(startFrontDoorProxy({ port: 0, frontDoor: view, loadBalancing: LOAD_BALANCING }));
    const seen: Record<string, number> = {};
    for (let i = 0; i < 1000; i += 1) {
      const { origin } = await whoAnswers(proxy);
      seen[origin ?? 'none'] = (seen[origin ?? 'none'] ?? 0) + 1;
    }
    console.log(`front door weights 10/90: ${JSON.stringify(seen)}`);
    expect(seen['origin-canadacentral']).toBeGreaterThanOrEqual(80);
    expect(seen['origin-canadacentral']).toBeLessThanOrEqual(120);
    expect(seen['origin-canadaeast']).toBeGreaterThanOrEqual(880);
    expect(seen['origin-spare']).toBeUndefined();
  });

  it('answers 503 with a clear body when no origin is healthy', async () => {
    const gone = await keep(startFakeOrigin('origin-gone'));
    await gone.setDown(true);
    const disabled = { ...asOrigin(spare, 1), enabled: false };
    const view = fakeFrontDoorView([{ name: 'og-dead', origins: [asOrigin(gone, 1), disabled], probe: PROBE }]);
    const proxy = await keep(startFrontDoorProxy({ port: 0, frontDoor: view, loadBalancing: LOAD_BALANCING }));
    const res = await fetch(`${proxy.url}/anything`);
    const body = (await res.json()) as { error: { code: string; message: string }; origins: { name: string; healthy: boolean }[] };
    expect(res.status).toBe(503);
    expect(res.headers.get('x-azure-ref')).toBeTruthy();
    expect(res.headers.get('x-lifeboat-origin')).toBeNull();
    expect(body.error.code).toBe('NoHealthyOrigin');
    expect(body.error.message).toContain('og-dead');
    expect(body.origins.find((o) => o.name === 'origin-gone')?.healthy).toBe(false);
  });
});
