import { StorageManagementClient } from '@azure/arm-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armFetch } from './testing/arm-fetch';
import { LAB_CREDENTIAL } from './testing/lab-credential';
import { startTestArm, type TestArm } from './testing/start-test-arm';

const SUB = '00000000-0000-0000-0000-000000000000';
const RG = 'rg-rag-canadacentral';
const ACCOUNT = 'devstoreaccount1';
// Four requests must land while the failover runs, which a busy CI can stretch well past 400 ms.
const LRO_DELAY_MS = 3000;
const VERSION = '2024-01-01';

let lab: TestArm;
const accountUrl = (suffix = '', rg = RG, account = ACCOUNT) => `${lab.arm.url}/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${account}${suffix}?api-version=${VERSION}`;

beforeAll(async () => {
  lab = await startTestArm({ lroDelayMs: LRO_DELAY_MS });
});
afterAll(async () => lab.cleanup());

/** Polls the Azure-AsyncOperation URL until the operation has left InProgress; returns its last status body. */
async function untilFinished(statusUrl: string): Promise<unknown> {
  const deadline = Date.now() + LRO_DELAY_MS + 10_000;
  for (;;) {
    const { body } = await armFetch(statusUrl, lab.ca);
    if ((body as { status?: string }).status !== 'InProgress' || Date.now() > deadline) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Microsoft.Storage account failover in the emulator', () => {
  it('GET shows the configured Blob account, primary in canadacentral, secondary in canadaeast, never failed over', async () => {
    const reply = await armFetch(accountUrl(), lab.ca);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/${ACCOUNT}`,
      name: ACCOUNT,
      type: 'Microsoft.Storage/storageAccounts',
      location: 'canadacentral',
      sku: { name: 'Standard_RAGRS' },
      properties: { provisioningState: 'Succeeded', primaryLocation: 'canadacentral', secondaryLocation: 'canadaeast', statusOfPrimary: 'available' },
    });
    expect((reply.body as { properties: Record<string, unknown> }).properties).not.toHaveProperty('lastGeoFailoverTime');
  });

  it('POST failover answers 202 with operation URLs; the status is InProgress, then Succeeded, and the locations swap', async () => {
    const started = await armFetch(accountUrl('/failover'), lab.ca, { method: 'POST' });
    expect(started.status).toBe(202);
    expect(started.body).toBeUndefined();
    const status = started.headers['azure-asyncoperation'] ?? '';
    const location = started.headers.location ?? '';
    expect(status).toMatch(/\/providers\/Microsoft\.Storage\/locations\/canadacentral\/asyncoperations\/[0-9a-f-]{36}\?api-version=2024-01-01$/);
    expect(location).toMatch(/\/providers\/Microsoft\.Storage\/locations\/canadacentral\/operationresults\/[0-9a-f-]{36}\?api-version=2024-01-01$/);

    expect((await armFetch(status, lab.ca)).body).toMatchObject({ status: 'InProgress' });
    expect((await armFetch(location, lab.ca)).status).toBe(202);
    expect((await armFetch(accountUrl(), lab.ca)).body).toMatchObject({ properties: { primaryLocation: 'canadacentral', failoverInProgress: true } });
    const again = await armFetch(accountUrl('/failover'), lab.ca, { method: 'POST' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'AnotherOperationInProgress' } } });

    expect(await untilFinished(status)).toMatchObject({ status: 'Succeeded', endTime: expect.any(String) });
    expect((await armFetch(location, lab.ca)).status).toBe(200);
    const after = (await armFetch(accountUrl(), lab.ca)).body as { location: string; properties: Record<string, unknown> };
    expect(after.location).toBe('canadaeast');
    expect(after.properties).toMatchObject({ primaryLocation: 'canadaeast', secondaryLocation: 'canadacentral', lastGeoFailoverTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(after.properties).not.toHaveProperty('failoverInProgress');
  });

  it('@azure/arm-storage 18.6: beginFailoverAndWait and getProperties ride the same operation (back to canadacentral)', async () => {
    const client = new StorageManagementClient(LAB_CREDENTIAL, SUB, { endpoint: lab.arm.url, tlsOptions: { ca: lab.ca } });
    const before = await client.storageAccounts.getProperties(RG, ACCOUNT);
    await client.storageAccounts.beginFailoverAndWait(RG, ACCOUNT, { updateIntervalInMs: 50 });
    const after = await client.storageAccounts.getProperties(RG, ACCOUNT);
    expect([before.primaryLocation, after.primaryLocation, after.secondaryLocation]).toEqual(['canadaeast', 'canadacentral', 'canadaeast']);
    expect(after.lastGeoFailoverTime?.getTime()).toBeGreaterThan(before.lastGeoFailoverTime?.getTime() ?? 0);
  });

  it('refuses as ARM does: unknown account, unknown resource group, GET on failover, a bad api-version, no token', async () => {
    expect(await armFetch(accountUrl('', RG, 'nosuchaccount'), lab.ca)).toMatchObject({ status: 404, body: { error: { code: 'ResourceNotFound' } } });
    expect(await armFetch(accountUrl('', 'rg-nope'), lab.ca)).toMatchObject({ status: 404, body: { error: { code: 'ResourceGroupNotFound' } } });
    expect(await armFetch(accountUrl('/failover'), lab.ca)).toMatchObject({ status: 405, body: { error: { code: 'MethodNotAllowed' } } });
    expect(await armFetch(accountUrl().replace(VERSION, '2019-01-01'), lab.ca)).toMatchObject({ status: 400, body: { error: { code: 'InvalidApiVersionParameter' } } });
    expect(await armFetch(accountUrl('/failover'), lab.ca, { method: 'POST', token: null })).toMatchObject({ status: 401, body: { error: { code: 'AuthenticationFailed' } } });
  });
});
