import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateContractResponse } from '../contracts/validate-contract-response';
import { startQdrantEmulator, type QdrantEmulator } from './start-qdrant-emulator';
import { callQdrant, seededVectors, type CallOptions, type QdrantAnswer } from './testing/call-qdrant';

const KEY = 'contract-test-key';
const READ_ONLY_KEY = 'contract-test-read-only';
let dir: string;
let qdrant: QdrantEmulator;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-qdrant-contract-'));
  qdrant = await startQdrantEmulator({ port: 0, dataDir: dir, apiKey: KEY, readOnlyApiKey: READ_ONLY_KEY, name: 'qdrant-contract' });
});
afterAll(async () => {
  await qdrant.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Calls the emulator and checks the answer against the Qdrant v1.19 contract; returns it for further asserts. */
async function contractCall(method: string, route: string, options: CallOptions = {}): Promise<QdrantAnswer> {
  const answer = await callQdrant(qdrant.url, method, route, { apiKey: KEY, ...options });
  expect(validateContractResponse('qdrant', { method, path: route, status: answer.status, body: answer.body, contentType: answer.contentType })).toEqual([]);
  return answer;
}

type Envelope<T> = { result: T; status: string; time: number };
const resultOf = <T>(answer: QdrantAnswer) => (answer.body as Envelope<T>).result;
const errorOf = (answer: QdrantAnswer) => (answer.body as { status: { error: string } }).status.error;

const vectors = seededVectors(20, 8, 7);
const points = vectors.map((vector, i) => ({ id: i + 1, vector, payload: { n: i + 1, group: i % 2 === 0 ? 'even' : 'odd' } }));

describe('service routes', () => {
  it('GET / reports the version the official client checks', async () => {
    const answer = await contractCall('GET', '/', { apiKey: undefined });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ title: 'qdrant - vector search engine', version: '1.19.0' });
  });

  it.each([
    ['/healthz', 'healthz check passed'],
    ['/livez', 'healthz check passed'],
    ['/readyz', 'all shards are ready'],
  ])('GET %s answers plain text without a key', async (route, text) => {
    const answer = await contractCall('GET', route, { apiKey: undefined });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/plain/);
    expect(answer.body).toBe(text);
  });
});

describe('collections', () => {
  it('creates, refuses a duplicate with 409 and bad params with 400', async () => {
    const created = await contractCall('PUT', '/collections/docs', { json: { vectors: { size: 8, distance: 'Cosine' } } });
    expect(created.status).toBe(200);
    expect(resultOf(created)).toBe(true);

    const duplicate = await contractCall('PUT', '/collections/docs', { json: { vectors: { size: 8, distance: 'Cosine' } } });
    expect(duplicate.status).toBe(409);
    expect(errorOf(duplicate)).toBe('Wrong input: Collection `docs` already exists!');

    const badDistance = await contractCall('PUT', '/collections/other', { json: { vectors: { size: 8, distance: 'Cosin' } } });
    expect(badDistance.status).toBe(400);
    expect(errorOf(badDistance)).toMatch(/^Format error in JSON body: /);

    const named = await contractCall('PUT', '/collections/other', { json: { vectors: { text: { size: 8, distance: 'Dot' } } } });
    expect(named.status).toBe(400);
    expect(errorOf(named)).toMatch(/named vectors are not supported/);

    const badName = await contractCall('PUT', '/collections/a%3Ab', { json: { vectors: { size: 8, distance: 'Dot' } } });
    expect(badName.status).toBe(400);
    expect(errorOf(badName)).toMatch(/collection name cannot contain ":" char/);
  });

  it('gets collection info with points_count, 404 when missing', async () => {
    const info = await contractCall('GET', '/collections/docs');
    expect(info.status).toBe(200);
    expect(resultOf<{ points_count: number; status: string; config: { params: { vectors: unknown } } }>(info)).toMatchObject({
      points_count: 0,
      status: 'green',
      config: { params: { vectors: { size: 8, distance: 'Cosine' } } },
    });

    const missing = await contractCall('GET', '/collections/nope');
    expect(missing.status).toBe(404);
    expect(errorOf(missing)).toBe('Not found: Collection `nope` doesn\'t exist!');
  });

  it('lists collections and answers exists', async () => {
    const list = await contractCall('GET', '/collections');
    expect(resultOf(list)).toEqual({ collections: [{ name: 'docs' }] });
    expect(resultOf(await contractCall('GET', '/collections/docs/exists'))).toEqual({ exists: true });
    expect(resultOf(await contractCall('GET', '/collections/nope/exists'))).toEqual({ exists: false });
  });

  it('deletes: true when it existed, false otherwise', async () => {
    await contractCall('PUT', '/collections/scratch', { json: { vectors: { size: 2, distance: 'Dot' } } });
    expect(resultOf(await contractCall('DELETE', '/collections/scratch'))).toBe(true);
    expect(resultOf(await contractCall('DELETE', '/collections/scratch'))).toBe(false);
    expect(resultOf(await contractCall('GET', '/collections/scratch/exists'))).toEqual({ exists: false });
  });
});

describe('points', () => {
  it('upserts with wait=true (completed) and wait=false (acknowledged), then counts exactly', async () => {
    const first = await contractCall('PUT', '/collections/docs/points?wait=true', { json: { points: points.slice(0, 10) } });
    expect(first.status).toBe(200);
    expect(resultOf(first)).toEqual({ operation_id: 1, status: 'completed' });

    const second = await contractCall('PUT', '/collections/docs/points?wait=false', {
      json: { batch: { ids: points.slice(10).map((p) => p.id), vectors: points.slice(10).map((p) => p.vector), payloads: points.slice(10).map((p) => p.payload) } },
    });
    expect(resultOf(second)).toEqual({ operation_id: 2, status: 'acknowledged' });

    const count = await contractCall('POST', '/collections/docs/points/count', { json: { exact: true } });
    expect(resultOf(count)).toEqual({ count: 20 });
    const odd = await contractCall('POST', '/collections/docs/points/count', { json: { filter: { must: [{ key: 'group', match: { value: 'odd' } }] } } });
    expect(resultOf(odd)).toEqual({ count: 10 });
  });

  it('refuses a wrong dimension, a bad id and a missing collection', async () => {
    const wrongDim = await contractCall('PUT', '/collections/docs/points?wait=true', { json: { points: [{ id: 99, vector: [1, 2, 3] }] } });
    expect(wrongDim.status).toBe(400);
    expect(errorOf(wrongDim)).toBe('Wrong input: Vector dimension error: expected dim: 8, got 3');

    const badId = await contractCall('PUT', '/collections/docs/points?wait=true', { json: { points: [{ id: -4, vector: vectors[0] }] } });
    expect(badId.status).toBe(400);
    expect(errorOf(badId)).toMatch(/^Format error in JSON body: points\[0\]\.id/);

    const missing = await contractCall('PUT', '/collections/nope/points?wait=true', { json: { points: [{ id: 1, vector: vectors[0] }] } });
    expect(missing.status).toBe(404);
    expect((await contractCall('POST', '/collections/nope/points/count', { json: {} })).status).toBe(404);
    expect(resultOf(await contractCall('POST', '/collections/docs/points/count', { json: {} }))).toEqual({ count: 20 });
  });

  it('queries by vector: the exact nearest first, with payload on request', async () => {
    const answer = await contractCall('POST', '/collections/docs/points/query', { json: { query: vectors[4], limit: 3, with_payload: true } });
    expect(answer.status).toBe(200);
    const hits = resultOf<{ points: { id: number; score: number; payload?: { n: number } }[] }>(answer).points;
    expect(hits).toHaveLength(3);
    expect(hits[0]).toMatchObject({ id: 5, payload: { n: 5, group: 'even' } });
    expect(hits[0]?.score).toBeCloseTo(1, 5);
    expect(hits[1]!.score).toBeLessThanOrEqual(hits[0]!.score);

    const filtered = await contractCall('POST', '/collections/docs/points/query', {
      json: { query: { nearest: vectors[4] }, limit: 5, filter: { must_not: [{ has_id: [5] }] }, with_vector: true },
    });
    const filteredHits = resultOf<{ points: { id: number; payload?: unknown; vector?: number[] }[] }>(filtered).points;
    expect(filteredHits.map((p) => p.id)).not.toContain(5);
    expect(filteredHits[0]?.payload).toBeUndefined();
    expect(filteredHits[0]?.vector).toHaveLength(8);
  });

  it('query errors: wrong dimension 400, missing collection 404', async () => {
    const wrongDim = await contractCall('POST', '/collections/docs/points/query', { json: { query: [1, 2], limit: 1 } });
    expect(wrongDim.status).toBe(400);
    expect((await contractCall('POST', '/collections/nope/points/query', { json: { query: vectors[0] } })).status).toBe(404);
  });
});

describe('snapshots', () => {
  let name = '';
  let checksum = '';

  it('creates a snapshot file with its sha256, lists it, 404 for a missing collection', async () => {
    const created = await contractCall('POST', '/collections/docs/snapshots?wait=true', { json: {} });
    expect(created.status).toBe(200);
    const description = resultOf<{ name: string; checksum: string; size: number; creation_time: string }>(created);
    expect(description.name).toMatch(/^docs-\d+-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.snapshot$/);
    expect(description.checksum).toMatch(/^[0-9a-f]{64}$/);
    ({ name, checksum } = description);

    const list = await contractCall('GET', '/collections/docs/snapshots');
    expect(resultOf(list)).toEqual([description]);
    expect((await contractCall('POST', '/collections/nope/snapshots', { json: {} })).status).toBe(404);
    expect((await contractCall('GET', '/collections/nope/snapshots')).status).toBe(404);
  });

  it('wait=false answers 202 and the snapshot appears', async () => {
    const accepted = await contractCall('POST', '/collections/docs/snapshots?wait=false', { json: {} });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    await expect.poll(async () => resultOf<unknown[]>(await contractCall('GET', '/collections/docs/snapshots')).length).toBe(2);
  });

  it('downloads the file whose sha256 is the listed checksum; 404 for an unknown name', async () => {
    const download = await contractCall('GET', `/collections/docs/snapshots/${name}`);
    expect(download.status).toBe(200);
    expect(download.contentType).toBe('application/octet-stream');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(download.bytes).digest('hex')).toBe(checksum);

    const unknown = await contractCall('GET', '/collections/docs/snapshots/nope.snapshot');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)).toMatch(/^Not found: /);
  });

  it('recovers from a URL (with api_key) into a new collection with priority snapshot; refuses without it', async () => {
    const location = `${qdrant.url}/collections/docs/snapshots/${name}`;
    const refused = await contractCall('PUT', '/collections/restored/snapshots/recover', { json: { location, checksum } });
    expect(refused.status).toBe(400);
    expect(resultOf(await contractCall('GET', '/collections/restored/exists'))).toEqual({ exists: false });

    const recovered = await contractCall('PUT', '/collections/restored/snapshots/recover', { json: { location, checksum, priority: 'snapshot', api_key: KEY } });
    expect(recovered.status).toBe(200);
    expect(resultOf(recovered)).toBe(true);
    expect(resultOf(await contractCall('POST', '/collections/restored/points/count', { json: {} }))).toEqual({ count: 20 });
  });

  it('recover errors: checksum mismatch 400, download refused 400, bad body 400; nothing changes', async () => {
    const location = `${qdrant.url}/collections/docs/snapshots/${name}`;
    const mismatch = await contractCall('PUT', '/collections/restored/snapshots/recover', { json: { location, checksum: '0'.repeat(64), priority: 'snapshot', api_key: KEY } });
    expect(mismatch.status).toBe(400);
    expect(errorOf(mismatch)).toBe(`Wrong input: Snapshot checksum mismatch: expected ${'0'.repeat(64)}, got ${checksum}`);

    const unauthorised = await contractCall('PUT', '/collections/restored/snapshots/recover', { json: { location, priority: 'snapshot' } });
    expect(unauthorised.status).toBe(400);
    expect(errorOf(unauthorised)).toMatch(/^Wrong input: Failed to download snapshot from .*: status - 401/);

    const noLocation = await contractCall('PUT', '/collections/restored/snapshots/recover', { json: { priority: 'snapshot' } });
    expect(noLocation.status).toBe(400);
    expect(resultOf(await contractCall('POST', '/collections/restored/points/count', { json: {} }))).toEqual({ count: 20 });
  });

  it('recover wait=false answers 202 and completes in the background', async () => {
    const location = `${qdrant.url}/collections/docs/snapshots/${name}`;
    const accepted = await contractCall('PUT', '/collections/background/snapshots/recover?wait=false', { json: { location, priority: 'snapshot', api_key: KEY } });
    expect(accepted.status).toBe(202);
    await expect.poll(async () => resultOf<{ exists: boolean }>(await contractCall('GET', '/collections/background/exists')).exists).toBe(true);
  });

  it('upload recovery: multipart field `snapshot`, checksum checked, field required', async () => {
    const file = (await callQdrant(qdrant.url, 'GET', `/collections/docs/snapshots/${name}`, { apiKey: KEY })).bytes;
    const form = (fieldName: string) => {
      const data = new FormData();
      data.append(fieldName, new Blob([new Uint8Array(file)]), 'uploaded.snapshot');
      return data;
    };
    const uploaded = await contractCall('POST', `/collections/uploaded/snapshots/upload?priority=snapshot&checksum=${checksum}`, { body: form('snapshot') });
    expect(uploaded.status).toBe(200);
    expect(resultOf(uploaded)).toBe(true);
    expect(resultOf(await contractCall('POST', '/collections/uploaded/points/count', { json: {} }))).toEqual({ count: 20 });

    const mismatch = await contractCall('POST', `/collections/uploaded/snapshots/upload?priority=snapshot&checksum=${'f'.repeat(64)}`, { body: form('snapshot') });
    expect(mismatch.status).toBe(400);
    expect(errorOf(mismatch)).toBe(`Checksum mismatch: expected ${checksum}, actual ${'f'.repeat(64)}`);

    const wrongField = await contractCall('POST', '/collections/uploaded/snapshots/upload?priority=snapshot', { body: form('file') });
    expect(wrongField.status).toBe(400);
    expect(errorOf(wrongField)).toMatch(/field `snapshot` is missing/);
  });

  it('deletes a snapshot (200, then 404) and with wait=false (202)', async () => {
    const [first, second] = resultOf<{ name: string }[]>(await contractCall('GET', '/collections/docs/snapshots'));
    expect(resultOf(await contractCall('DELETE', `/collections/docs/snapshots/${first!.name}?wait=true`))).toBe(true);
    expect((await contractCall('DELETE', `/collections/docs/snapshots/${first!.name}`)).status).toBe(404);
    expect((await contractCall('DELETE', `/collections/docs/snapshots/${second!.name}?wait=false`)).status).toBe(202);
    await expect.poll(async () => resultOf<unknown[]>(await contractCall('GET', '/collections/docs/snapshots')).length).toBe(0);
  });
});

describe('api key', () => {
  it('401 without a key or with a wrong one, as plain text (where real Qdrant leaves its own contract)', async () => {
    for (const apiKey of [undefined, 'wrong-key']) {
      const answer = await callQdrant(qdrant.url, 'GET', '/collections', { apiKey });
      expect(answer.status).toBe(401);
      expect(answer.contentType).toMatch(/^text\/plain/);
      expect(answer.body).toBe(apiKey ? 'Invalid API key or JWT' : 'Must provide an API key or an Authorization bearer token');
      // The spec documents a JSON envelope for 4XX; Qdrant 1.19's auth middleware answers text instead.
      expect(validateContractResponse('qdrant', { method: 'GET', path: '/collections', status: 401, body: answer.body })).toEqual([
        'GET /collections 401: (body): must be object',
      ]);
    }
    const bearer = await callQdrant(qdrant.url, 'GET', '/collections', { headers: { authorization: `Bearer ${KEY}` } });
    expect(bearer.status).toBe(200);
  });

  it('a read-only key reads (including count and query) but gets 403 on writes', async () => {
    expect((await contractCall('GET', '/collections/docs', { apiKey: READ_ONLY_KEY })).status).toBe(200);
    expect((await contractCall('POST', '/collections/docs/points/count', { apiKey: READ_ONLY_KEY, json: {} })).status).toBe(200);
    expect((await contractCall('POST', '/collections/docs/points/query', { apiKey: READ_ONLY_KEY, json: { query: vectors[0] } })).status).toBe(200);
    const write = await contractCall('PUT', '/collections/docs/points', { apiKey: READ_ONLY_KEY, json: { points: [] } });
    expect(write.status).toBe(403);
    expect(errorOf(write)).toMatch(/^Forbidden: /);
  });
});
