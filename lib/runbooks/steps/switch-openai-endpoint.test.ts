import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { createSecretClient } from './create-secret-client';
import { labContext, labOptions, labStep } from './lab-step-fixtures';
import { readSecretValue } from './read-secret-value';
import { switchOpenAiEndpoint } from './switch-openai-endpoint';

let lab: ProbeLab;
beforeAll(async () => {
  lab = await startProbeLab();
}, 120_000);
afterAll(async () => lab?.stop());

const SECRET = 'openai-endpoint';
const stepTo = (deployment: string) => {
  const { openai, keyVault } = lab.config.components;
  return labStep('switch-openai', 'switch-openai-endpoint', { region: 'secondary', deployment, endpoint: openai.secondary.endpoint, fromEndpoint: openai.primary.endpoint, vault: keyVault.secondary.url, secret: SECRET });
};
const valueIn = (region: 'primary' | 'secondary') => readSecretValue(createSecretClient(lab.config, lab.config.components.keyVault[region].url, lab.caPem), SECRET, AbortSignal.timeout(10_000));

describe('switch-openai-endpoint against the lab Azure OpenAI and Key Vault emulators', () => {
  it('refuses to switch to a deployment the target does not answer for, and writes nothing', async () => {
    const handler = switchOpenAiEndpoint(lab.config, labOptions(lab));
    await expect(handler.execute(labContext(stepTo('no-such-deployment')))).rejects.toThrow(/no-such-deployment .* answered HTTP 404/);
    expect(await valueIn('secondary')).toBeNull();
  }, 30_000);

  it('checks the deployment, sets the target vault\'s secret to the target endpoint; check() is done and a repeat writes nothing', async () => {
    const step = stepTo(lab.config.components.openai.deployment);
    const handler = switchOpenAiEndpoint(lab.config, labOptions(lab));
    const target = lab.config.components.openai.secondary.endpoint;
    expect(await handler.check?.(labContext(step))).toBe('not-done');
    expect(handler.describe(labContext(step))).toContain(`setSecret(${SECRET}, ${target})`);

    const output = await handler.execute(labContext(step));
    expect(output).toMatchObject({ before: null, after: target, written: true, secret: SECRET, vault: lab.config.components.keyVault.secondary.url });
    expect(await valueIn('secondary')).toBe(target);
    expect(await valueIn('primary')).toBeNull();
    expect(await handler.check?.(labContext(step))).toBe('done');
    expect(await handler.execute(labContext(step, 2))).toMatchObject({ before: target, after: target, written: false });
  }, 30_000);
});
