import { describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/get-config';
import type { AgentPoolRecord } from './arm-state';
import { costLinesForDay, nodesOnDay } from './cost-model';

const DAY_MS = 24 * 60 * 60 * 1000;

function pool(count: number, history: { at: string; count: number }[] = []): AgentPoolRecord {
  return {
    resourceGroup: 'rg',
    cluster: 'c',
    name: 'userpool',
    count,
    vmSize: 'Standard_D4s_v5',
    mode: 'User',
    osType: 'Linux',
    osSKU: 'Ubuntu',
    orchestratorVersion: '1.33.2',
    maxPods: 110,
    provisioningState: 'Succeeded',
    countHistory: [{ at: '2000-01-01T00:00:00.000Z', count: history[0]?.count ?? count }, ...history.slice(1)],
  };
}

/** A year of the model, summed per resource group and turned back into a monthly figure. */
function monthly(config: ReturnType<typeof getConfig>, pools: { primary: AgentPoolRecord; secondary: AgentPoolRecord }) {
  const start = Date.UTC(2025, 0, 1);
  const totals = new Map<string, number>();
  for (let day = 0; day < 365; day++) {
    const date = new Date(start + day * DAY_MS);
    for (const line of costLinesForDay({ config, pools }, date, new Date(start + 400 * DAY_MS))) totals.set(line.resourceGroup, (totals.get(line.resourceGroup) ?? 0) + line.cost);
  }
  return (resourceGroup: string) => (totals.get(resourceGroup) ?? 0) / 12;
}

describe('the lab cost model', () => {
  const config = getConfig();

  it("reproduces the DR plan's warm-standby table: $3,795 + Front Door primary, $1,290 secondary", () => {
    const month = monthly(config, { primary: pool(6), secondary: pool(3) });
    expect(month('rg-rag-canadaeast')).toBeGreaterThan(1290 * 0.97);
    expect(month('rg-rag-canadaeast')).toBeLessThan(1290 * 1.03);
    expect(month('rg-rag-canadacentral')).toBeGreaterThan((3795 + 48) * 0.97);
    expect(month('rg-rag-canadacentral')).toBeLessThan((3795 + 48) * 1.03);
  });

  it('prices the secondary by deployment model', () => {
    const cold = monthly({ ...config, deploymentModel: 'cold' }, { primary: pool(6), secondary: pool(1) })('rg-rag-canadaeast');
    const active = monthly({ ...config, deploymentModel: 'active-active' }, { primary: pool(6), secondary: pool(6) })('rg-rag-canadaeast');
    // The plan: cold 10-20 % of the primary, active-active 190 % in total.
    expect(cold / 3795).toBeGreaterThan(0.1);
    expect(cold / 3795).toBeLessThan(0.2);
    expect(active / 3795).toBeGreaterThan(0.87);
    expect(active / 3795).toBeLessThan(0.93);
  });

  it('is the same on every call and varies from day to day', () => {
    const pools = { primary: pool(6), secondary: pool(3) };
    const day = new Date(Date.UTC(2026, 2, 10));
    const now = new Date(Date.UTC(2026, 5, 1));
    expect(costLinesForDay({ config, pools }, day, now)).toEqual(costLinesForDay({ config, pools }, day, now));
    const openAi = (date: Date) => costLinesForDay({ config, pools }, date, now).find((line) => line.serviceName === 'Cognitive Services' && line.resourceGroup === 'rg-rag-canadacentral')?.cost;
    expect(openAi(day)).not.toBe(openAi(new Date(day.getTime() + DAY_MS)));
  });

  it('bills each day at the pool size at its end, or now for today', () => {
    const history = pool(6, [
      { at: '2000-01-01T00:00:00.000Z', count: 3 },
      { at: '2026-03-10T12:00:00.000Z', count: 6 },
    ]);
    expect(nodesOnDay(history, new Date(Date.UTC(2026, 2, 9)), new Date(Date.UTC(2026, 5, 1)))).toBe(3);
    expect(nodesOnDay(history, new Date(Date.UTC(2026, 2, 10)), new Date(Date.UTC(2026, 5, 1)))).toBe(6);
    expect(nodesOnDay(history, new Date(Date.UTC(2026, 2, 10)), new Date(Date.UTC(2026, 2, 10, 11)))).toBe(3);
  });
});
