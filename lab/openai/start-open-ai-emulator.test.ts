import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectErrorCode } from '../shared/testing/connect-error-code';
import { startOpenAiEmulator, type OpenAiEmulator } from './start-open-ai-emulator';

const API_VERSION = '2024-10-21';
let openai: OpenAiEmulator | undefined;

function emulator(): OpenAiEmulator {
  if (!openai) throw new Error('emulator not started');
  return openai;
}

const call = (path: string, init: RequestInit & { key?: string | null } = {}) => {
  const { key, ...rest } = init;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers['api-key'] = key ?? emulator().apiKey;
  return fetch(`${emulator().url}${path}`, { ...rest, headers });
};

type EmbeddingsBody = { object: string; model: string; data: { index: number; embedding: number[] | string }[]; usage: { prompt_tokens: number } };

async function embed(input: string | string[], extra: Record<string, unknown> = {}): Promise<EmbeddingsBody> {
  const response = await call(`/openai/deployments/text-embedding-3-small/embeddings?api-version=${API_VERSION}`, { method: 'POST', body: JSON.stringify({ input, ...extra }) });
  expect(response.status).toBe(200);
  return (await response.json()) as EmbeddingsBody;
}

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

beforeAll(async () => {
  openai = await startOpenAiEmulator({ port: 0, region: 'canadaeast' });
});

afterAll(async () => {
  await openai?.stop();
});

describe('startOpenAiEmulator', () => {
  it('lists deployments and models in Azure OpenAI shape, naming its region', async () => {
    const response = await call(`/openai/deployments?api-version=${API_VERSION}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ms-region')).toBe('canadaeast');
    const body = (await response.json()) as { object: string; data: { id: string; model: string; status: string; object: string }[] };
    expect(body.object).toBe('list');
    expect(body.data.map((deployment) => [deployment.id, deployment.model, deployment.status, deployment.object])).toEqual([
      ['text-embedding-3-small', 'text-embedding-3-small', 'succeeded', 'deployment'],
      ['gpt-4o-mini', 'gpt-4o-mini', 'succeeded', 'deployment'],
    ]);
    const one = await call(`/openai/deployments/gpt-4o-mini?api-version=${API_VERSION}`);
    expect(((await one.json()) as { id: string }).id).toBe('gpt-4o-mini');

    const models = (await (await call(`/openai/models?api-version=${API_VERSION}`)).json()) as { data: { id: string; capabilities: { embeddings: boolean } }[] };
    expect(models.data.find((model) => model.id === 'text-embedding-3-small')?.capabilities.embeddings).toBe(true);
  });

  it('refuses a missing or wrong api-key with 401, and a request without api-version with 404', async () => {
    for (const key of [null, 'wrong-key']) {
      const response = await call(`/openai/deployments?api-version=${API_VERSION}`, { key });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: '401', message: expect.stringMatching(/^Access denied due to invalid subscription key/) } });
    }
    const noVersion = await call('/openai/deployments');
    expect(noVersion.status).toBe(404);
    expect(await noVersion.json()).toEqual({ error: { code: '404', message: 'Resource not found' } });
  });

  it('embeds deterministically: same text same unit vector, related texts closer than unrelated ones', async () => {
    const first = await embed(['failover to canada east', 'failover to canada east now', 'chocolate cake recipe']);
    const again = await embed('failover to canada east');
    const [a, b, c] = first.data.map((item) => item.embedding as number[]);
    if (!a || !b || !c) throw new Error('missing vectors');
    expect(first.model).toBe('text-embedding-3-small');
    expect(a).toHaveLength(1536);
    expect(again.data[0]?.embedding).toEqual(a);
    expect(cosine(a, a)).toBeCloseTo(1, 6);
    expect(cosine(a, b)).toBeGreaterThan(cosine(a, c) + 0.3);
    expect(first.usage.prompt_tokens).toBeGreaterThan(0);

    const short = await embed('failover to canada east', { dimensions: 256 });
    expect((short.data[0]?.embedding as number[]).length).toBe(256);
    const encoded = await embed('failover to canada east', { encoding_format: 'base64' });
    const decoded = Array.from(new Float32Array(Buffer.from(encoded.data[0]?.embedding as string, 'base64').buffer.slice(0)));
    decoded.forEach((value, index) => expect(value).toBeCloseTo(a[index] ?? NaN, 6));
  });

  it('answers embeddings on a chat deployment or an unknown deployment the way Azure does', async () => {
    const chat = await call(`/openai/deployments/gpt-4o-mini/embeddings?api-version=${API_VERSION}`, { method: 'POST', body: JSON.stringify({ input: 'x' }) });
    expect(chat.status).toBe(400);
    expect(await chat.json()).toMatchObject({ error: { code: 'OperationNotSupported' } });
    const missing = await call(`/openai/deployments/nope/embeddings?api-version=${API_VERSION}`, { method: 'POST', body: JSON.stringify({ input: 'x' }) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'DeploymentNotFound' } });
    const empty = await call(`/openai/deployments/text-embedding-3-small/embeddings?api-version=${API_VERSION}`, { method: 'POST', body: JSON.stringify({ input: '' }) });
    expect(empty.status).toBe(400);
  });

  it('refuses connections while down, adds latency when told, and serves again when up', async () => {
    await emulator().setDown(true);
    await expect(call(`/openai/deployments?api-version=${API_VERSION}`)).rejects.toThrow(/fetch failed/);
    expect(await connectErrorCode(emulator().url)).toBe('ECONNREFUSED');
    await emulator().setDown(false);
    emulator().setLatency(300);
    const started = performance.now();
    expect((await call(`/openai/deployments?api-version=${API_VERSION}`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    emulator().setLatency(0);
  });
});
