import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQdrantEmulator, type QdrantEmulator } from '../qdrant/start-qdrant-emulator';
import { generateDocuments } from './generate-documents';
import { seedDocuments } from './seed-documents';
import { startProtectedApp, type ProtectedApp } from './start-protected-app';
import { startTestRedis, type TestRedis } from './testing/start-test-redis';

type Health = { status: string; region: string; degraded?: boolean; qdrant: { ok: boolean; points: number | null; error?: string }; redis: { ok: boolean; error?: string } };
type QueryAnswer = { region: string; cache: 'hit' | 'miss'; degraded?: boolean; results: { id: string; score: number; text: string }[] };

let dataDir: string;
let redis: TestRedis;
let qdrant: QdrantEmulator;
let app: ProtectedApp;
let secondary: ProtectedApp;

async function call<T>(target: { url: string }, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${target.url}${route}`, body === undefined ? { headers } : { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, limitMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - start > limitMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'protected-app-qdrant-'));
  redis = await startTestRedis();
  qdrant = await startQdrantEmulator({ port: 0, dataDir, name: 'qdrant-test' });
  app = await startProtectedApp({ port: 0, region: 'canadacentral', qdrantUrl: qdrant.url, redisUrl: redis.url, collection: 'documents', vectorSize: 128 });
  secondary = await startProtectedApp({ port: 0, region: 'canadaeast', qdrantUrl: qdrant.url, redisUrl: redis.url, collection: 'documents', vectorSize: 128 });
});

afterAll(async () => {
  await app?.stop();
  await secondary?.stop();
  await qdrant?.stop();
  await redis?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('protected app: the drill smoke tests', () => {
  it('reports an empty collection before anything is ingested', async () => {
    const health = await call<Health>(app, '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', region: 'canadacentral', qdrant: { ok: true, points: 0 }, redis: { ok: true } });
  });

  it('ingests 200 documents in batches and health counts them', async () => {
    const seeded = await seedDocuments(app, 200, { batchSize: 50 });
    expect(seeded).toMatchObject({ documents: 200, batches: 4 });
    const health = await call<Health>(app, '/health');
    expect(health.body.qdrant.points).toBe(200);
  });

  it('finds the expected document first, then serves the identical query from the cache', async () => {
    const target = generateDocuments(1, 137)[0]!;
    const first = await call<QueryAnswer>(app, '/query', { text: target.text, limit: 3 });
    expect(first.status).toBe(200);
    expect(first.body.cache).toBe('miss');
    expect(first.body.results).toHaveLength(3);
    expect(first.body.results[0]).toMatchObject({ id: 'dr-note-137', text: target.text });
    expect(first.body.results[0]!.score).toBeGreaterThan(0.99);
    expect(first.body.results[1]!.score).toBeLessThan(first.body.results[0]!.score);
    const second = await call<QueryAnswer>(app, '/query', { text: target.text, limit: 3 });
    expect(second.body.cache).toBe('hit');
    expect(second.body.results).toEqual(first.body.results);
  });

  it('does not serve a cached answer after new documents arrive', async () => {
    const text = 'kingfisher aurora runbook for the lighthouse collection';
    expect((await call<QueryAnswer>(app, '/query', { text })).body.cache).toBe('miss');
    expect((await call<QueryAnswer>(app, '/query', { text })).body.cache).toBe('hit');
    expect((await call<{ upserted: number }>(app, '/ingest', { documents: [{ id: 'special-1', text }] })).body.upserted).toBe(1);
    const after = await call<QueryAnswer>(app, '/query', { text });
    expect(after.body.cache).toBe('miss');
    expect(after.body.results[0]?.id).toBe('special-1');
  });

  it('refuses malformed bodies with the failing fields', async () => {
    const bad = await call<{ issues: { path: string }[] }>(app, '/ingest', { documents: [{ id: 'x', text: '   ' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i) => i.path)).toEqual(['documents.0.text']);
    expect((await call(app, '/query', { text: 'ok', limit: 0 })).status).toBe(400);
  });

  it('accepts a token it issued (in both regions) and refuses anything else with 401', async () => {
    const issued = await call<{ access_token: string }>(app, '/auth/token', { user: 'operator' });
    expect(issued.status).toBe(200);
    const bearer = { authorization: `Bearer ${issued.body.access_token}` };
    expect(await call(app, '/auth/check', undefined, bearer)).toMatchObject({ status: 200, body: { ok: true, user: 'operator', region: 'canadacentral' } });
    expect(await call(secondary, '/auth/check', undefined, bearer)).toMatchObject({ status: 200, body: { user: 'operator', region: 'canadaeast' } });
    const missing = await call(app, '/auth/check');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect((await call(app, '/auth/check', undefined, { authorization: `Bearer ${issued.body.access_token}x` })).status).toBe(401);
  });
});

describe('protected app: faults', () => {
  it('runs degraded without Redis: health 200 with degraded, queries still answered', async () => {
    await redis.setDown(true);
    const health = await eventually(() => call<Health>(app, '/health'), (h) => h.body.redis.ok === false);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'degraded', degraded: true, qdrant: { ok: true }, redis: { ok: false } });
    const answer = await call<QueryAnswer>(app, '/query', { text: 'Redis AOF replay', limit: 2 });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ cache: 'miss', degraded: true });
    expect(answer.body.results).toHaveLength(2);

    await redis.setDown(false);
    const healed = await eventually(() => call<Health>(app, '/health'), (h) => h.body.status === 'ok');
    expect(healed.body).toMatchObject({ status: 'ok', redis: { ok: true } });
    expect(healed.body.degraded).toBeUndefined();
  });

  it('answers 503 without Qdrant, and recovers when it is back', async () => {
    await qdrant.setDown(true);
    const health = await call<Health>(app, '/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable', qdrant: { ok: false, points: null } });
    expect(health.body.qdrant.error).toBeTruthy();
    const ingest = await call<{ error: string }>(app, '/ingest', { documents: [{ id: 'lost', text: 'written while qdrant is down' }] });
    expect(ingest.status).toBe(503);
    expect(ingest.body.error).toMatch(/qdrant unavailable/);

    await qdrant.setDown(false);
    const healed = await eventually(() => call<Health>(app, '/health'), (h) => h.status === 200);
    expect(healed.body.qdrant.points).toBe(201);
  });
});
