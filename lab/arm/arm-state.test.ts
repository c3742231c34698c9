import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureLabCertificate } from '../tls/ensure-lab-certificate';
import { startArmEmulator } from './start-arm-emulator';
import { armFetch } from './testing/arm-fetch';
import { startTestArm, type TestArm } from './testing/start-test-arm';

const SUB = '00000000-0000-0000-0000-000000000000';
const PROFILE = `/subscriptions/${SUB}/resourceGroups/rg-rag-canadacentral/providers/Microsoft.Cdn/profiles/afd-rag`;
const ROUTE = `${PROFILE}/afdEndpoints/rag/routes/default-route?api-version=2025-06-01`;
const POOL = `/subscriptions/${SUB}/resourceGroups/rg-rag-canadaeast/providers/Microsoft.ContainerService/managedClusters/aks-rag-canadaeast/agentPools/userpool?api-version=2026-06-01`;
const TO_SECONDARY = { properties: { originGroup: { id: `${PROFILE}/originGroups/og-canadaeast` } } };

let lab: TestArm | undefined;

afterEach(async () => {
  await lab?.cleanup();
  lab = undefined;
});

async function settle(url: string, ca: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (((await armFetch(url, ca)).body as { status: string }).status !== 'InProgress') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('operation never finished');
}

describe('ARM emulator state', () => {
  it('keeps the route switch and the pool size across a restart', async () => {
    lab = await startTestArm({ lroDelayMs: 100, nodeDelayMs: 50 });
    const patched = await armFetch(`${lab.arm.url}${ROUTE}`, lab.ca, { method: 'PATCH', body: TO_SECONDARY });
    await settle(patched.headers['azure-asyncoperation'] ?? '', lab.ca);
    const scaled = await armFetch(`${lab.arm.url}${POOL}`, lab.ca, { method: 'PUT', body: { properties: { count: 6 } } });
    await settle(scaled.headers['azure-asyncoperation'] ?? '', lab.ca);

    const arm = await lab.restart();
    expect(arm.frontDoor.activeOriginGroup().name).toBe('og-canadaeast');
    expect((await armFetch(`${arm.url}${ROUTE}`, lab.ca)).body).toMatchObject({ properties: { originGroup: { id: `${PROFILE}/originGroups/og-canadaeast` }, provisioningState: 'Succeeded' } });
    expect((await armFetch(`${arm.url}${POOL}`, lab.ca)).body).toMatchObject({ properties: { count: 6, provisioningState: 'Succeeded' } });
  });

  it('finishes an operation that was running when the emulator stopped', async () => {
    // Long enough that the restart and one GET happen while the operation still runs, even on a busy CI;
    // the test waits for completion, so this is also its duration.
    lab = await startTestArm({ lroDelayMs: 5000 });
    const patched = await armFetch(`${lab.arm.url}${ROUTE}`, lab.ca, { method: 'PATCH', body: TO_SECONDARY });
    expect(patched.status).toBe(202);
    const arm = await lab.restart();
    const changed = new Promise<void>((resolve) => arm.frontDoor.onChange(resolve));
    const statusUrl = (patched.headers['azure-asyncoperation'] ?? '').replace(/^https:\/\/localhost:\d+/, arm.url);
    expect((await armFetch(statusUrl, lab.ca)).body).toMatchObject({ status: 'InProgress' });
    expect(arm.frontDoor.activeOriginGroup().name).toBe('og-canadacentral');
    await changed;
    expect((await armFetch(statusUrl, lab.ca)).body).toMatchObject({ status: 'Succeeded' });
    expect(arm.frontDoor.activeOriginGroup().name).toBe('og-canadaeast');
  });

  it('starts afresh when the topology it was built from changes', async () => {
    lab = await startTestArm({ lroDelayMs: 50 });
    const patched = await armFetch(`${lab.arm.url}${ROUTE}`, lab.ca, { method: 'PATCH', body: TO_SECONDARY });
    await settle(patched.headers['azure-asyncoperation'] ?? '', lab.ca);
    await lab.arm.stop();
    const tls = await ensureLabCertificate(path.join(lab.stateDir, '..', 'tls'));
    const other = await startArmEmulator({ port: 0, stateDir: lab.stateDir, tls, probeIntervalSeconds: 30 });
    try {
      expect(other.frontDoor.activeOriginGroup()).toMatchObject({ name: 'og-canadacentral', probe: { intervalSeconds: 30 } });
    } finally {
      await other.stop();
    }
  });

  it('refuses to start on a state file that is not valid, naming it', async () => {
    lab = await startTestArm();
    await lab.arm.stop();
    const file = path.join(lab.stateDir, 'arm-state.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 });
    await writeFile(file, '{"version": 1, "routes": 3}');
    await expect(lab.restart()).rejects.toThrow(/arm-state\.json is not valid/);
    await writeFile(file, '');
    await expect(lab.restart()).rejects.toThrow(/not valid/);
    await writeFile(file, '{}');
    await expect(lab.restart()).rejects.toThrow(/not valid/);
  });
});
