import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateContractResponse } from '../contracts/validate-contract-response';
import { armFetch, type ArmReply } from './testing/arm-fetch';
import { startTestArm, type TestArm } from './testing/start-test-arm';

const SUB = '00000000-0000-0000-0000-000000000000';
const PROFILE = `/subscriptions/${SUB}/resourceGroups/rg-rag-canadacentral/providers/Microsoft.Cdn/profiles/afd-rag`;
const API = 'api-version=2024-02-01';

let lab: TestArm;
// For the PATCH test: its operation runs long enough that the in-progress states are seen even on a busy
// CI (the first contract compile and three requests can outlast 250 ms); the other tests' waits stay short.
let slow: TestArm;
const checked: string[] = [];

beforeAll(async () => {
  [lab, slow] = await Promise.all([startTestArm({ lroDelayMs: 250 }), startTestArm({ lroDelayMs: 2500 })]);
});

afterAll(async () => {
  await Promise.all([lab?.cleanup(), slow?.cleanup()]);
});

/** Sends a request and checks its response against the Front Door contract before returning it. */
async function call(method: string, path: string, options: { body?: unknown; token?: string | null; query?: string; on?: TestArm } = {}): Promise<ArmReply> {
  const target = options.on ?? lab;
  const reply = await armFetch(`${target.arm.url}${path}?${options.query ?? API}`, target.ca, { method, body: options.body, token: options.token });
  expect(validateContractResponse('afd', { method, path, status: reply.status, body: reply.body }), `${method} ${path} → ${reply.status}`).toEqual([]);
  checked.push(`${method} ${reply.status}`);
  return reply;
}

function errorCode(reply: ArmReply): string | undefined {
  return (reply.body as { error?: { code?: string } } | undefined)?.error?.code;
}

async function untilSucceeded(asyncOperationUrl: string, on: TestArm = lab): Promise<string[]> {
  const seen: string[] = [];
  for (let attempt = 0; attempt < 100; attempt++) {
    const status = (await armFetch(asyncOperationUrl, on.ca)).body as { status: string };
    seen.push(status.status);
    if (status.status !== 'InProgress') return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('operation never finished');
}

describe('Front Door resources against the Microsoft.Cdn contract', () => {
  it('lists and gets origin groups, origins and routes with ARM ids, names and types', async () => {
    const groups = await call('GET', `${PROFILE}/originGroups`);
    expect(groups.status).toBe(200);
    const value = (groups.body as { value: { id: string; name: string; type: string; properties: { healthProbeSettings: { probeIntervalInSeconds: number } } }[] }).value;
    expect(value.map((group) => group.name).sort()).toEqual(['og-canadacentral', 'og-canadaeast']);
    expect(value[0]?.type).toBe('Microsoft.Cdn/profiles/origingroups');
    expect(value[0]?.id.toLowerCase()).toBe(`${PROFILE}/originGroups/${value[0]?.name}`.toLowerCase());
    expect(value[0]?.properties.healthProbeSettings.probeIntervalInSeconds).toBe(5);

    const origins = await call('GET', `${PROFILE}/originGroups/og-canadacentral/origins`);
    const origin = (origins.body as { value: { name: string; type: string; properties: Record<string, unknown> }[] }).value[0];
    expect(origin).toMatchObject({ name: 'origin-canadacentral', type: 'Microsoft.Cdn/profiles/origingroups/origins' });
    expect(origin?.properties).toMatchObject({ hostName: '127.0.0.1', httpPort: 7001, priority: 1, weight: 1000, enabledState: 'Enabled', provisioningState: 'Succeeded', originGroupName: 'og-canadacentral' });

    await call('GET', `${PROFILE}/originGroups/og-canadaeast`);
    await call('GET', `${PROFILE}/originGroups/og-canadaeast/origins/origin-canadaeast`);
    const routes = await call('GET', `${PROFILE}/afdEndpoints/rag/routes`);
    const route = (routes.body as { value: { name: string; type: string; properties: { originGroup: { id: string } } }[] }).value[0];
    expect(route?.type).toBe('Microsoft.Cdn/profiles/afdendpoints/routes');
    expect(route?.properties.originGroup.id).toMatch(/\/og-canadacentral$/);
    await call('GET', `${PROFILE}/afdEndpoints/rag/routes/default-route`);
  });

  it('answers a PATCH 202 with Azure-AsyncOperation and Location; the change lands when the operation succeeds', async () => {
    const path = `${PROFILE}/originGroups/og-canadacentral/origins/origin-canadacentral`;
    const accepted = await call('PATCH', path, { body: { properties: { weight: 500 } }, on: slow });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ properties: { weight: 500, provisioningState: 'Updating' } });
    const asyncOperation = accepted.headers['azure-asyncoperation'] ?? '';
    expect(asyncOperation).toMatch(/\/providers\/Microsoft\.Cdn\/operationresults\/[0-9a-f-]{36}\?api-version=2024-02-01$/);
    expect(accepted.headers.location).toBeTruthy();

    expect((await call('GET', path, { on: slow })).body).toMatchObject({ properties: { provisioningState: 'Updating' } });
    expect(slow.arm.frontDoor.activeOriginGroup().origins[0]?.weight).toBe(1000);
    const location = await armFetch(accepted.headers.location ?? '', slow.ca);
    expect(location.status).toBe(202);

    const statuses = await untilSucceeded(asyncOperation, slow);
    expect(statuses[0]).toBe('InProgress');
    expect(statuses.at(-1)).toBe('Succeeded');
    expect((await call('GET', path, { on: slow })).body).toMatchObject({ properties: { weight: 500, provisioningState: 'Succeeded' } });
    expect(slow.arm.frontDoor.activeOriginGroup().origins[0]?.weight).toBe(500);
    const finished = await armFetch(accepted.headers.location ?? '', slow.ca);
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({ name: 'origin-canadacentral', properties: { weight: 500 } });
  });

  it('creates with 201 (Creating), replaces with 200 (Updating) and deletes with 202 then 204', async () => {
    const group = `${PROFILE}/originGroups/og-drill`;
    const created = await call('PUT', group, { body: { properties: { healthProbeSettings: { probePath: '/health', probeRequestType: 'HEAD', probeProtocol: 'Http', probeIntervalInSeconds: 30 } } } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'og-drill', properties: { provisioningState: 'Creating', loadBalancingSettings: { sampleSize: 4 } } });
    await untilSucceeded(created.headers['azure-asyncoperation'] ?? '');

    const origin = `${group}/origins/origin-drill`;
    const originCreated = await call('PUT', origin, { body: { properties: { hostName: 'drill.example.com', priority: 2, weight: 10 } } });
    expect(originCreated.status).toBe(201);
    await untilSucceeded(originCreated.headers['azure-asyncoperation'] ?? '');
    const replaced = await call('PUT', origin, { body: { properties: { hostName: 'drill2.example.com' } } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ properties: { hostName: 'drill2.example.com', provisioningState: 'Updating' } });
    expect((replaced.body as { properties: Record<string, unknown> }).properties.priority).toBeUndefined();
    await untilSucceeded(replaced.headers['azure-asyncoperation'] ?? '');

    const deleted = await call('DELETE', group);
    expect(deleted.status).toBe(202);
    expect(deleted.body).toBeUndefined();
    await untilSucceeded(deleted.headers['azure-asyncoperation'] ?? '');
    expect(errorCode(await call('GET', group))).toBe('ResourceNotFound');
    expect(errorCode(await call('GET', origin))).toBe('ResourceNotFound');
    expect((await call('DELETE', group)).status).toBe(204);
  });

  it('refuses values outside the contract with 400 and the ARM error shape', async () => {
    const origin = `${PROFILE}/originGroups/og-canadaeast/origins/origin-canadaeast`;
    for (const [properties, field] of [
      [{ priority: 0 }, 'priority'],
      [{ priority: 6 }, 'priority'],
      [{ weight: 0 }, 'weight'],
      [{ weight: 1001 }, 'weight'],
      [{ enabledState: 'Maybe' }, 'enabledState'],
      [{ httpPort: 70000 }, 'httpPort'],
    ] as const) {
      const reply = await call('PATCH', origin, { body: { properties } });
      expect(reply.status).toBe(400);
      expect(errorCode(reply)).toBe('BadRequest');
      expect((reply.body as { error: { message: string } }).error.message).toContain(`properties.${field}`);
    }
    const noHost = await call('PUT', `${PROFILE}/originGroups/og-canadaeast/origins/origin-new`, { body: { properties: { priority: 1 } } });
    expect(noHost.status).toBe(400);
    expect(errorCode(noHost)).toBe('InvalidResource');
    const probe = await call('PATCH', `${PROFILE}/originGroups/og-canadaeast`, { body: { properties: { healthProbeSettings: { probeIntervalInSeconds: 256 } } } });
    expect(errorCode(probe)).toBe('BadRequest');
    const dangling = await call('PATCH', `${PROFILE}/afdEndpoints/rag/routes/default-route`, { body: { properties: { originGroup: { id: `${PROFILE}/originGroups/og-nowhere` } } } });
    expect(dangling.status).toBe(400);
    expect(errorCode(dangling)).toBe('InvalidResource');
    expect(lab.arm.frontDoor.activeOriginGroup().origins.map((o) => o.weight)).not.toContain(0);
  });

  it('answers 404 for unknown resources and 409 for deleting a group a route uses', async () => {
    expect(errorCode(await call('GET', `${PROFILE}/originGroups/og-missing`))).toBe('ResourceNotFound');
    expect(errorCode(await call('GET', `/subscriptions/${SUB}/resourceGroups/rg-missing/providers/Microsoft.Cdn/profiles/afd-rag/originGroups`))).toBe('ResourceGroupNotFound');
    expect(errorCode(await call('GET', `/subscriptions/${SUB}/resourceGroups/rg-rag-canadacentral/providers/Microsoft.Cdn/profiles/other/originGroups`))).toBe('ResourceNotFound');
    const inUse = await call('DELETE', `${PROFILE}/originGroups/og-canadacentral`);
    expect(inUse.status).toBe(409);
    expect(errorCode(inUse)).toBe('Conflict');
  });

  it('requires a bearer token and a supported api-version', async () => {
    const path = `${PROFILE}/originGroups`;
    const anonymous = await call('GET', path, { token: null });
    expect(anonymous.status).toBe(401);
    expect(errorCode(anonymous)).toBe('AuthenticationFailed');
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer /);
    expect((await call('GET', path, { query: 'api-version=2025-06-01' })).status).toBe(200);
    const old = await call('GET', path, { query: 'api-version=2019-04-15' });
    expect(old.status).toBe(400);
    expect(errorCode(old)).toBe('InvalidApiVersionParameter');
    const missing = await call('GET', path, { query: '' });
    expect(missing.status).toBe(400);
    expect(errorCode(missing)).toBe('MissingApiVersionParameter');
  });

  it('fails the next calls on demand: 429 with Retry-After, then 500, then recovers', async () => {
    const path = `${PROFILE}/originGroups/og-canadacentral`;
    lab.arm.failNextCalls(1, 429);
    const throttled = await call('GET', path);
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    lab.arm.failNextCalls(1, 500);
    expect(errorCode(await call('GET', path))).toBe('InternalServerError');
    expect((await call('GET', path)).status).toBe(200);
    expect(checked.length).toBeGreaterThan(30);
  });
});
