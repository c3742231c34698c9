import { ContainerServiceClient } from '@azure/arm-containerservice';
import { CostManagementClient, type QueryDefinition } from '@azure/arm-costmanagement';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_CREDENTIAL } from './testing/lab-credential';
import { startTestArm, type TestArm } from './testing/start-test-arm';

const SUB = '00000000-0000-0000-0000-000000000000';
const DAY_MS = 24 * 60 * 60 * 1000;

let lab: TestArm;
let costs: CostManagementClient;

beforeAll(async () => {
  lab = await startTestArm({ nodeDelayMs: 50 });
  costs = new CostManagementClient(LAB_CREDENTIAL, { endpoint: lab.arm.url, tlsOptions: { ca: lab.ca } });
});

afterAll(async () => {
  await lab.cleanup();
});

function last30Days(): QueryDefinition {
  const to = new Date();
  return {
    type: 'ActualCost',
    timeframe: 'Custom',
    timePeriod: { from: new Date(to.getTime() - 29 * DAY_MS), to },
    dataset: {
      granularity: 'Daily',
      aggregation: { totalCost: { name: 'PreTaxCost', function: 'Sum' } },
      grouping: [
        { type: 'Dimension', name: 'ResourceGroupName' },
        { type: 'Dimension', name: 'ServiceName' },
      ],
    },
  };
}

type Row = [number, number, string, string, string];

function todayOf(rows: Row[], resourceGroup: string, service: string): number {
  const today = Math.max(...rows.map((row) => row[1]));
  return rows.find((row) => row[1] === today && row[2] === resourceGroup && row[3] === service)?.[0] ?? 0;
}

describe('@azure/arm-costmanagement query.usage against the cost model', () => {
  it('returns daily rows per resource group and service for both regions over 30 days', async () => {
    const result = await costs.query.usage(`subscriptions/${SUB}`, last30Days());
    expect(result.type).toBe('Microsoft.CostManagement/query');
    expect(result.columns).toEqual([
      { name: 'PreTaxCost', type: 'Number' },
      { name: 'UsageDate', type: 'Number' },
      { name: 'ResourceGroupName', type: 'String' },
      { name: 'ServiceName', type: 'String' },
      { name: 'Currency', type: 'String' },
    ]);
    const rows = (result.rows ?? []) as Row[];
    expect(new Set(rows.map((row) => row[1])).size).toBe(30);
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['rg-rag-canadacentral', 'rg-rag-canadaeast']));
    for (const row of rows) {
      expect(row[0]).toBeGreaterThan(0);
      expect(String(row[1])).toMatch(/^20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
      expect(row[4]).toBe('CAD');
    }
    const total = (resourceGroup: string) => rows.filter((row) => row[2] === resourceGroup).reduce((sum, row) => sum + row[0], 0);
    // Warm standby: the secondary costs about a third of the primary (the plan's 34 %).
    expect(total('rg-rag-canadaeast') / total('rg-rag-canadacentral')).toBeGreaterThan(0.28);
    expect(total('rg-rag-canadaeast') / total('rg-rag-canadacentral')).toBeLessThan(0.4);
    const again = await costs.query.usage(`subscriptions/${SUB}`, last30Days());
    expect(again.rows).toEqual(result.rows);
  });

  it('limits a resource group scope to that group', async () => {
    const result = await costs.query.usage(`subscriptions/${SUB}/resourceGroups/rg-rag-canadaeast`, last30Days());
    expect(new Set((result.rows as Row[]).map((row) => row[2]))).toEqual(new Set(['rg-rag-canadaeast']));
    expect(result.id).toMatch(/^subscriptions\/.+\/resourcegroups\/rg-rag-canadaeast\/providers\/Microsoft\.CostManagement\/query\/[0-9a-f-]{36}$/);
  });

  it("bills the secondary's AKS nodes from the emulated pool: scaling up raises today's cost", async () => {
    const before = (await costs.query.usage(`subscriptions/${SUB}`, last30Days())).rows as Row[];
    const aks = new ContainerServiceClient(LAB_CREDENTIAL, SUB, { endpoint: lab.arm.url, tlsOptions: { ca: lab.ca } });
    await aks.agentPools.beginCreateOrUpdateAndWait('rg-rag-canadaeast', 'aks-rag-canadaeast', 'userpool', { count: 6, mode: 'User' }, { updateIntervalInMs: 50 });
    const after = (await costs.query.usage(`subscriptions/${SUB}`, last30Days())).rows as Row[];

    const vmsBefore = todayOf(before, 'rg-rag-canadaeast', 'Virtual Machines');
    const vmsAfter = todayOf(after, 'rg-rag-canadaeast', 'Virtual Machines');
    expect(vmsAfter / vmsBefore).toBeCloseTo(2, 5);
    expect(todayOf(after, 'rg-rag-canadacentral', 'Virtual Machines')).toBe(todayOf(before, 'rg-rag-canadacentral', 'Virtual Machines'));
    // Past days keep the size the pool had then.
    const yesterday = (rows: Row[]) => rows.filter((row) => row[2] === 'rg-rag-canadaeast' && row[3] === 'Virtual Machines').at(-2)?.[0];
    expect(yesterday(after)).toBe(yesterday(before));
  });

  it('refuses what Cost Management refuses', async () => {
    const threeGroups: QueryDefinition = { ...last30Days(), dataset: { aggregation: { totalCost: { name: 'PreTaxCost', function: 'Sum' } }, grouping: [{ type: 'Dimension', name: 'Meter' }] } };
    await expect(costs.query.usage(`subscriptions/${SUB}`, threeGroups)).rejects.toMatchObject({ statusCode: 400, code: 'BadRequest' });
    const customWithoutPeriod: QueryDefinition = { ...last30Days(), timePeriod: undefined };
    await expect(costs.query.usage(`subscriptions/${SUB}`, customWithoutPeriod)).rejects.toMatchObject({ statusCode: 400 });
    await expect(costs.query.usage(`subscriptions/${SUB}/resourceGroups/rg-elsewhere`, last30Days())).rejects.toMatchObject({ statusCode: 404, code: 'ResourceGroupNotFound' });
  });
});
