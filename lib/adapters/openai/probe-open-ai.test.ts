import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiEmulator, type OpenAiEmulator } from '@/lab/openai/start-open-ai-emulator';
import { labOpenAiKey } from './lab-open-ai-key';
import { probeOpenAi } from './probe-open-ai';

let openai: OpenAiEmulator;
beforeAll(async () => {
  openai = await startOpenAiEmulator({ port: 0, region: 'canadaeast' });
});
afterAll(async () => {
  await openai?.stop();
});

describe('probeOpenAi against the lab emulator', () => {
  it('lists the deployments with the lab key', async () => {
    const result = await probeOpenAi({ region: 'secondary', endpoint: openai.url, auth: { apiKey: labOpenAiKey('canadaeast') } });
    expect(result).toMatchObject({ component: 'openai', region: 'secondary', ok: true, metrics: { deployments: openai.deployments.length } });
    expect(openai.deployments.length).toBeGreaterThan(0);
  });

  it('fails on a wrong key, beyond the deadline, and when down', async () => {
    const denied = await probeOpenAi({ region: 'secondary', endpoint: openai.url, auth: { apiKey: 'wrong' } });
    expect(denied).toMatchObject({ ok: false, metrics: null });
    expect(denied.error).toMatch(/^deployments list answered HTTP 401: Access denied/);

    openai.setLatency(1_000);
    try {
      expect(await probeOpenAi({ region: 'secondary', endpoint: openai.url, auth: { apiKey: openai.apiKey } }, { timeoutMs: 200 })).toMatchObject({ ok: false, error: 'timed out after 200 ms' });
    } finally {
      openai.setLatency(0);
    }
    await openai.setDown(true);
    try {
      const down = await probeOpenAi({ region: 'secondary', endpoint: openai.url, auth: { apiKey: openai.apiKey } });
      expect(down.error).toMatch(/^connect ECONNREFUSED/);
    } finally {
      await openai.setDown(false);
    }
  });
});
