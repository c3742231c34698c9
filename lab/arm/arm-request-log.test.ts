import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArmRequestLog } from './arm-request-log';
import { armFetch } from './testing/arm-fetch';
import { startTestArm, type TestArm } from './testing/start-test-arm';

const POOL = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-rag-canadaeast/providers/Microsoft.ContainerService/managedClusters/aks-rag-canadaeast/agentPools/userpool';

let lab: TestArm;

beforeAll(async () => {
  lab = await startTestArm();
});

afterAll(async () => {
  await lab.cleanup();
});

describe('the ARM emulator request log', () => {
  it('records every answered request: method, path without host, api-version, status, time', async () => {
    lab.arm.clearRequests();
    const before = Date.now();
    await armFetch(`${lab.arm.url}${POOL}?api-version=2026-06-01`, lab.ca);
    await armFetch(`${lab.arm.url}${POOL}?api-version=2026-06-01`, lab.ca, { method: 'PUT', body: { properties: { count: 4 } } });
    await armFetch(`${lab.arm.url}${POOL}`, lab.ca);
    lab.arm.failNextCalls(1, 429);
    await armFetch(`${lab.arm.url}${POOL}?api-version=2026-06-01`, lab.ca, { method: 'PATCH', body: {} });
    await armFetch(`${lab.arm.url}${POOL}?api-version=2026-06-01`, lab.ca, { token: null });

    const log = lab.arm.requests();
    expect(log.map(({ method, path, apiVersion, status }) => [method, path, apiVersion, status])).toEqual([
      ['GET', POOL, '2026-06-01', 200],
      ['PUT', POOL, '2026-06-01', 200],
      ['GET', POOL, null, 400],
      ['PATCH', POOL, '2026-06-01', 429],
      ['GET', POOL, '2026-06-01', 401],
    ]);
    for (const entry of log) expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(before - 1);
  });

  it('hands out copies, and keeps only the newest entries past its limit', () => {
    const log = createArmRequestLog(2);
    for (const status of [200, 201, 202]) log.record({ method: 'GET', path: '/x', apiVersion: null, status, at: new Date().toISOString() });
    const seen = log.entries();
    expect(seen.map((entry) => entry.status)).toEqual([201, 202]);
    seen[0]!.status = 500;
    expect(log.entries()[0]?.status).toBe(201);
    log.clear();
    expect(log.entries()).toEqual([]);
  });
});
