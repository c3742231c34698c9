import { CdnManagementClient, type AFDOrigin, type AFDOriginGroup, type Route } from '@azure/arm-cdn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateContractResponse } from '../contracts/validate-contract-response';
import { LAB_CREDENTIAL } from './testing/lab-credential';
import { recordResponses } from './testing/record-responses';
import { startTestArm, type TestArm } from './testing/start-test-arm';

const SUB = '00000000-0000-0000-0000-000000000000';
const RG = 'rg-rag-canadacentral';
const PROFILE = 'afd-rag';
const POLL = { updateIntervalInMs: 50 };

let lab: TestArm;
let client: CdnManagementClient;
const recorder = recordResponses();

beforeAll(async () => {
  lab = await startTestArm({ lroDelayMs: 400 });
  // The lab certificate is trusted per client through the pipeline's tlsOptions (NODE_EXTRA_CA_CERTS is read only at process start).
  client = new CdnManagementClient(LAB_CREDENTIAL, SUB, {
    endpoint: lab.arm.url,
    tlsOptions: { ca: lab.ca },
    additionalPolicies: [{ policy: recorder.policy, position: 'perRetry' }],
  });
});

afterAll(async () => {
  await lab.cleanup();
});

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}

describe('@azure/arm-cdn 9.1 against the emulator', () => {
  it('lists origin groups, origins and routes', async () => {
    const groups: AFDOriginGroup[] = await all(client.afdOriginGroups.listByProfile(RG, PROFILE));
    expect(groups.map((group) => group.name).sort()).toEqual(['og-canadacentral', 'og-canadaeast']);
    expect(groups[0]?.healthProbeSettings).toMatchObject({ probePath: '/health', probeProtocol: 'Http', probeIntervalInSeconds: 5 });
    const origins: AFDOrigin[] = await all(client.afdOrigins.listByOriginGroup(RG, PROFILE, 'og-canadaeast'));
    expect(origins).toHaveLength(1);
    expect(origins[0]).toMatchObject({ name: 'origin-canadaeast', hostName: '127.0.0.1', httpPort: 7002, priority: 1, weight: 1000, enabledState: 'Enabled' });
    const routes: Route[] = await all(client.routes.listByEndpoint(RG, PROFILE, 'rag'));
    expect(routes.map((route) => route.name)).toEqual(['default-route']);
    expect(recorder.responses.every((response) => new URL(response.url).searchParams.get('api-version') === '2024-02-01')).toBe(true);
  });

  it('switches the route to the secondary origin group, polling the operation through Azure-AsyncOperation', async () => {
    const changes: string[] = [];
    const unsubscribe = lab.arm.frontDoor.onChange(() => changes.push(lab.arm.frontDoor.activeOriginGroup().name));
    const secondary = (await client.afdOriginGroups.get(RG, PROFILE, 'og-canadaeast')).id ?? '';
    const before = recorder.responses.length;
    const started = Date.now();
    const route = await client.routes.beginUpdateAndWait(RG, PROFILE, 'rag', 'default-route', { originGroup: { id: secondary } }, POLL);
    const elapsed = Date.now() - started;
    unsubscribe();

    expect(route.provisioningState).toBe('Succeeded');
    expect(route.originGroup?.id?.toLowerCase()).toBe(secondary.toLowerCase());
    expect(elapsed).toBeGreaterThanOrEqual(400);
    const exchange = recorder.responses.slice(before);
    expect(exchange[0]).toMatchObject({ method: 'PATCH', status: 202 });
    const polls = exchange.filter((response) => response.path.includes('/operationresults/'));
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.map((poll) => (poll.body as { status: string }).status)).toEqual([...polls.slice(0, -1).map(() => 'InProgress'), 'Succeeded']);
    expect(exchange.at(-1)).toMatchObject({ method: 'GET', status: 200, path: expect.stringMatching(/\/routes\/default-route$/) });
    expect(changes).toEqual(['og-canadaeast']);
    expect(lab.arm.frontDoor.activeOriginGroup()).toMatchObject({ name: 'og-canadaeast', origins: [{ name: 'origin-canadaeast', httpPort: 7002 }] });
  });

  it('updates an origin weight and enabled state', async () => {
    const origin = await client.afdOrigins.beginUpdateAndWait(RG, PROFILE, 'og-canadaeast', 'origin-canadaeast', { weight: 10, enabledState: 'Disabled' }, POLL);
    expect(origin).toMatchObject({ weight: 10, enabledState: 'Disabled', provisioningState: 'Succeeded' });
    expect(lab.arm.frontDoor.activeOriginGroup().origins[0]).toMatchObject({ weight: 10, enabled: false });
    await client.afdOrigins.beginUpdateAndWait(RG, PROFILE, 'og-canadaeast', 'origin-canadaeast', { weight: 1000, enabledState: 'Enabled' }, POLL);
    expect(lab.arm.frontDoor.activeOriginGroup().origins[0]).toMatchObject({ weight: 1000, enabled: true });
  });

  it('surfaces an invalid priority as a RestError 400 with the ARM code', async () => {
    const failure = await client.afdOrigins.beginUpdateAndWait(RG, PROFILE, 'og-canadaeast', 'origin-canadaeast', { priority: 6 }, POLL).catch((error: unknown) => error);
    // By name: the SDK may load core-rest-pipeline's CommonJS build, whose RestError is another class.
    expect(failure).toMatchObject({ name: 'RestError', statusCode: 400, code: 'BadRequest' });
    expect((await client.afdOrigins.get(RG, PROFILE, 'og-canadaeast', 'origin-canadaeast')).priority).toBe(1);
  });

  it('rides out two throttled calls with the SDK retry policy', async () => {
    lab.arm.failNextCalls(2, 429);
    const before = recorder.responses.length;
    const started = Date.now();
    const group = await client.afdOriginGroups.get(RG, PROFILE, 'og-canadacentral');
    expect(group.name).toBe('og-canadacentral');
    expect(recorder.responses.slice(before).map((response) => response.status)).toEqual([429, 429, 200]);
    // Retry-After: 1 is honoured on each throttled answer.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  it('retries a single 500', async () => {
    lab.arm.failNextCalls(1, 500);
    const before = recorder.responses.length;
    const routes = await all(client.routes.listByEndpoint(RG, PROFILE, 'rag'));
    expect(routes).toHaveLength(1);
    expect(recorder.responses.slice(before).map((response) => response.status)).toEqual([500, 200]);
  });

  it('received only responses the Front Door contract allows', () => {
    const frontDoor = recorder.responses.filter((response) => !response.path.includes('/operationresults/'));
    expect(frontDoor.length).toBeGreaterThan(10);
    for (const response of frontDoor) {
      expect(validateContractResponse('afd', { method: response.method, path: response.path, status: response.status, body: response.body }), `${response.method} ${response.path}`).toEqual([]);
    }
  });
});
