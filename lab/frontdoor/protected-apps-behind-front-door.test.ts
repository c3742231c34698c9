import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProtectedApp, type ProtectedApp } from '../protected-app/start-protected-app';
import { startTestRedis, type TestRedis } from '../protected-app/testing/start-test-redis';
import { startQdrantEmulator, type QdrantEmulator } from '../qdrant/start-qdrant-emulator';
import { startFrontDoorProxy, type FrontDoorProxy } from './start-front-door-proxy';
import { fakeFrontDoorView } from './testing/fake-front-door-view';

const INTERVAL_S = 0.5;
const LOAD_BALANCING = { sampleSize: 4, successfulSamplesRequired: 3 };

let dir: string;
let redis: TestRedis;
const qdrant: QdrantEmulator[] = [];
const apps: ProtectedApp[] = [];
let proxy: FrontDoorProxy;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'frontdoor-apps-'));
  redis = await startTestRedis();
  for (const region of ['canadacentral', 'canadaeast']) {
    const q = await startQdrantEmulator({ port: 0, dataDir: path.join(dir, region), name: `qdrant-${region}` });
    qdrant.push(q);
    apps.push(await startProtectedApp({ port: 0, region, qdrantUrl: q.url, redisUrl: redis.url, collection: 'documents', vectorSize: 64 }));
  }
  const origins = apps.map((app, i) => ({ name: `origin-${app.region}`, hostName: '127.0.0.1', httpPort: app.port, priority: i + 1, weight: 1000, enabled: true }));
  const view = fakeFrontDoorView([{ name: 'og-rag', origins, probe: { path: '/health', intervalSeconds: INTERVAL_S, protocol: 'Http' } }]);
  proxy = await startFrontDoorProxy({ port: 0, frontDoor: view, loadBalancing: LOAD_BALANCING });
});

afterAll(async () => {
  await proxy?.stop();
  for (const app of apps) await app.stop();
  for (const q of qdrant) await q.stop();
  await redis?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Front Door over the two protected apps', () => {
  it("fails over when the primary's /health turns 503 (its Qdrant is down), and the smoke tests pass through it", async () => {
    const ingest = () => fetch(`${proxy.url}/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documents: [{ id: 'a', text: 'failover smoke test document' }] }) });
    const first = await ingest();
    expect(first.headers.get('x-lifeboat-origin')).toBe('origin-canadacentral');
    expect(((await first.json()) as { region: string }).region).toBe('canadacentral');

    await qdrant[0]!.setDown(true);
    const start = performance.now();
    let answer = await ingest();
    while (answer.headers.get('x-lifeboat-origin') !== 'origin-canadaeast' && performance.now() - start < 5000) {
      await answer.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 25));
      answer = await ingest();
    }
    const ms = Math.round(performance.now() - start);
    console.log(`front door failover on app health 503: ${ms} ms`);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { region: string }).region).toBe('canadaeast');
    expect(ms).toBeLessThanOrEqual((LOAD_BALANCING.sampleSize + 1) * INTERVAL_S * 1000);
    expect(proxy.originHealth().find((o) => o.name === 'origin-canadacentral')).toMatchObject({ healthy: false, lastError: 'HTTP 503' });

    const token = (await (await fetch(`${proxy.url}/auth/token`, { method: 'POST', body: JSON.stringify({ user: 'operator' }) })).json()) as { access_token: string };
    const check = await fetch(`${proxy.url}/auth/check`, { headers: { authorization: `Bearer ${token.access_token}` } });
    expect(check.status).toBe(200);
    const query = await fetch(`${proxy.url}/query`, { method: 'POST', body: JSON.stringify({ text: 'smoke test document', limit: 1 }) });
    expect(((await query.json()) as { results: { id: string }[] }).results[0]?.id).toBe('a');
  });
});
