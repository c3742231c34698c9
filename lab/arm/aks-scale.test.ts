import { ContainerServiceClient } from '@azure/arm-containerservice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armFetch } from './testing/arm-fetch';
import { LAB_CREDENTIAL } from './testing/lab-credential';
import { startTestArm, type TestArm } from './testing/start-test-arm';

const SUB = '00000000-0000-0000-0000-000000000000';
const RG = 'rg-rag-canadaeast';
const CLUSTER = 'aks-rag-canadaeast';
// Long enough that the in-progress states and the SDK's polling overhead fit with room to spare on a busy CI.
const NODE_DELAY_MS = 2000;
const POLL = { updateIntervalInMs: 50 };

let lab: TestArm;
let client: ContainerServiceClient;

beforeAll(async () => {
  lab = await startTestArm({ nodeDelayMs: NODE_DELAY_MS });
  client = new ContainerServiceClient(LAB_CREDENTIAL, SUB, { endpoint: lab.arm.url, tlsOptions: { ca: lab.ca } });
});

afterAll(async () => {
  await lab.cleanup();
});

describe('@azure/arm-containerservice 25.5 against the emulator', () => {
  it('reads the configured pools: production size in the primary, standby size in the secondary', async () => {
    const secondary = await client.agentPools.get(RG, CLUSTER, 'userpool');
    expect(secondary).toMatchObject({ name: 'userpool', type: 'Microsoft.ContainerService/managedClusters/agentPools' });
    expect(secondary).toMatchObject({ count: 3, provisioningState: 'Succeeded', powerState: { code: 'Running' }, mode: 'User' });
    const primary = await client.agentPools.get('rg-rag-canadacentral', 'aks-rag-canadacentral', 'userpool');
    expect(primary.count).toBe(6);
    const cluster = await client.managedClusters.get(RG, CLUSTER);
    expect(cluster).toMatchObject({ name: CLUSTER, location: 'canadaeast' });
    expect(cluster.agentPoolProfiles?.[0]).toMatchObject({ name: 'userpool', count: 3 });
  });

  it('scales 1 → 3 in about two node delays, reporting Scaling then Succeeded', async () => {
    const pool = await client.agentPools.get(RG, CLUSTER, 'userpool');
    await client.agentPools.beginCreateOrUpdateAndWait(RG, CLUSTER, 'userpool', { ...pool, count: 1 }, POLL);
    expect((await client.agentPools.get(RG, CLUSTER, 'userpool')).count).toBe(1);

    const started = Date.now();
    const poller = await client.agentPools.beginCreateOrUpdate(RG, CLUSTER, 'userpool', { count: 3, vmSize: 'Standard_D4s_v5', mode: 'User' }, POLL);
    const during = await client.agentPools.get(RG, CLUSTER, 'userpool');
    expect(during).toMatchObject({ count: 3, provisioningState: 'Scaling' });
    expect((await client.managedClusters.get(RG, CLUSTER)).provisioningState).toBe('Updating');
    const scaled = await poller.pollUntilDone();
    const elapsed = Date.now() - started;

    expect(scaled).toMatchObject({ count: 3, provisioningState: 'Succeeded' });
    expect(elapsed).toBeGreaterThanOrEqual(2 * NODE_DELAY_MS);
    expect(elapsed).toBeLessThan(3 * NODE_DELAY_MS); // two nodes' time, not three
  });

  it('refuses what AKS refuses: a second change while one runs, a vmSize change, PATCH', async () => {
    const path = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.ContainerService/managedClusters/${CLUSTER}/agentPools/userpool?api-version=2026-06-01`;
    // 3 → 5 nodes: the second PUT has two node delays to land in.
    const first = await armFetch(`${lab.arm.url}${path}`, lab.ca, { method: 'PUT', body: { properties: { count: 5 } } });
    expect(first.status).toBe(200);
    expect(first.headers['azure-asyncoperation']).toMatch(/\/providers\/Microsoft\.ContainerService\/locations\/canadaeast\/operations\//);
    const location = await armFetch(first.headers.location ?? '', lab.ca);
    expect(location.status).toBe(202);
    const second = await armFetch(`${lab.arm.url}${path}`, lab.ca, { method: 'PUT', body: { properties: { count: 6 } } });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: { code: 'OperationNotAllowed' } });
    const deadline = Date.now() + 2 * NODE_DELAY_MS + 10_000;
    while ((await armFetch(first.headers.location ?? '', lab.ca)).status === 202 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const resize = await armFetch(`${lab.arm.url}${path}`, lab.ca, { method: 'PUT', body: { properties: { count: 5, vmSize: 'Standard_D8s_v5' } } });
    expect(resize.body).toMatchObject({ error: { code: 'PropertyChangeNotAllowed' } });
    const patch = await armFetch(`${lab.arm.url}${path}`, lab.ca, { method: 'PATCH', body: { properties: { count: 2 } } });
    expect(patch.status).toBe(405);
    const badVersion = await armFetch(`${lab.arm.url}${path.replace('2026-06-01', '2024-02-01')}`, lab.ca);
    expect(badVersion.body).toMatchObject({ error: { code: 'InvalidApiVersionParameter' } });
  });
});
