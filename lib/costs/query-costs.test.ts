import { ContainerServiceClient } from '@azure/arm-containerservice';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostMonthTable } from '@/app/(shell)/costs/cost-month-table';
import { CostsView } from '@/app/(shell)/costs/costs-view';
import { costLinesForDay } from '@/lab/arm/cost-model';
import type { AgentPoolRecord } from '@/lab/arm/arm-state';
import { azureClientOptions } from '@/lib/adapters/azure/azure-client-options';
import { labAwareCredential } from '@/lib/adapters/azure/lab-aware-credential';
import type { LifeboatConfig } from '@/lib/config/schema';
import { listCostMonths } from '@/lib/db/costs/list-cost-months';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { daysBilled, monthBounds, recentMonths } from '@/lib/domain/cost-month';
import { toMicros, totalsByRegionAndService } from '@/lib/domain/cost-totals';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { fetchMonthCosts } from './fetch-month-costs';
import { readCostsOverview } from './read-costs-overview';
import { refreshCosts } from './refresh-costs';

const DAY_MS = 24 * 60 * 60 * 1000;

let probe: ProbeLab;
let database: TestDatabase;
let pools: { primary: AgentPoolRecord; secondary: AgentPoolRecord };

type Cell = { region: string; service: string; cents: number };
const byKey = (a: Cell, b: Cell) => a.region.localeCompare(b.region) || a.service.localeCompare(b.service);
const cellsOf = (cells: readonly Cell[]) => cells.map(({ region, service, cents }) => ({ region, service, cents })).sort(byKey);

/** The pool as the lab bills it: never scaled in this test, so its size now is its size every day. */
async function poolOf(config: LifeboatConfig, role: 'primary' | 'secondary'): Promise<AgentPoolRecord> {
  const aks = config.components.aks[role];
  const client = new ContainerServiceClient(labAwareCredential(config.azure), config.components.frontDoor.subscriptionId, { endpoint: config.components.frontDoor.armEndpoint, ...azureClientOptions(probe.caPem) });
  const pool = await client.agentPools.get(aks.resourceGroup, aks.cluster, aks.nodePool);
  const count = pool.count ?? 0;
  return { resourceGroup: aks.resourceGroup, cluster: aks.cluster, name: aks.nodePool, count, vmSize: 'Standard_D4s_v5', mode: 'User', osType: 'Linux', osSKU: 'Ubuntu', orchestratorVersion: '1.33.2', maxPods: 110, provisioningState: 'Succeeded', countHistory: [{ at: '2000-01-01T00:00:00.000Z', count }] };
}

/** The lab cost model's own figures for a month: every billed day's lines, summed per region and service, in cents. */
function expectedCells(config: LifeboatConfig, month: string, now: Date): Cell[] {
  const regionOf = new Map([
    [config.components.aks.primary.resourceGroup.toLowerCase(), config.regions.primary.name],
    [config.components.aks.secondary.resourceGroup.toLowerCase(), config.regions.secondary.name],
  ]);
  const micros = new Map<string, { region: string; service: string; micros: number }>();
  const { first } = monthBounds(month);
  for (let day = 0; day < daysBilled(month, now); day++) {
    for (const line of costLinesForDay({ config, pools }, new Date(first.getTime() + day * DAY_MS), now)) {
      const region = regionOf.get(line.resourceGroup) ?? 'global';
      const key = `${region}|${line.serviceName}`;
      const cell = micros.get(key) ?? { region, service: line.serviceName, micros: 0 };
      cell.micros += toMicros(line.cost);
      micros.set(key, cell);
    }
  }
  return [...micros.values()].map((cell) => ({ region: cell.region, service: cell.service, cents: Math.round(cell.micros / 1e4) })).sort(byKey);
}

beforeAll(async () => {
  probe = await startProbeLab();
  database = await createTestDatabase('lifeboat_costs');
  pools = { primary: await poolOf(probe.config, 'primary'), secondary: await poolOf(probe.config, 'secondary') };
});

afterAll(async () => {
  await database?.drop();
  await probe?.stop();
});

describe('costs from the lab ARM emulator (Cost Management Query - Usage)', () => {
  it("stores each month to the cent of the lab's cost model, per region and service, and the page shows the same cents", async () => {
    const now = new Date();
    const refresh = await refreshCosts(database.db, probe.config, now, { caPem: probe.caPem });
    // Nothing stored yet: the configured history (6 months) for the trend.
    expect(refresh).toEqual({ months: recentMonths(now, 6), source: 'cost-management' });

    const [previous, current] = recentMonths(now, 2) as [string, string];
    const stored = new Map((await listCostMonths(database.db)).map((month) => [month.month, month]));
    const overview = await readCostsOverview(database.db, probe.config, now);
    for (const month of [previous, current]) {
      const expected = expectedCells(probe.config, month, now);
      // Both regions, six services in the primary (Front Door bills to its resource group) and five in the secondary.
      expect(expected.map((cell) => `${cell.region} ${cell.service}`)).toHaveLength(11);
      expect(stored.get(month)?.lines.every((line) => line.currency === 'CAD')).toBe(true);
      const view = overview.months.find((candidate) => candidate.month === month);
      expect(view?.sourceLabel).toBe('from Azure Cost Management');
      expect(cellsOf(view?.cells ?? [])).toEqual(expected);

      // What /costs renders: every cost cell's data-cents.
      if (!view) throw new Error(`no ${month} in the overview`);
      const html = renderToStaticMarkup(createElement(CostMonthTable, { month: view, currency: overview.currency }));
      const rendered = [...html.matchAll(/data-testid="cost-cell" data-month="[^"]+" data-region="([^"]+)" data-service="([^"]+)" data-cents="(\d+)"/g)].map((match) => ({ region: match[1] ?? '', service: match[2] ?? '', cents: Number(match[3]) }));
      expect(rendered.sort(byKey)).toEqual(expected);
      const primary = expected.filter((cell) => cell.region === 'canadacentral').reduce((sum, cell) => sum + cell.cents, 0);
      const secondary = expected.filter((cell) => cell.region === 'canadaeast').reduce((sum, cell) => sum + cell.cents, 0);
      expect(view.totals).toMatchObject({ primary, secondary, all: primary + secondary });
      expect(view.overheadPercent).toBeCloseTo((secondary / primary) * 100, 10);
    }
    expect(overview.trend.map((point) => point.month)).toEqual(recentMonths(now, 6));
    const page = renderToStaticMarkup(createElement(CostsView, { overview }));
    expect(page).toContain('data-testid="cost-source" data-source="cost-management"');
    expect(page).toContain('Costs from Azure Cost Management, in CAD');
    expect([...page.matchAll(/data-testid="cost-hint" data-hint="([^"]+)"/g)].map((match) => match[1])).toEqual(['reserved-instances', 'cool-tier', 'scale-to-zero']);
    expect([...page.matchAll(/data-testid="model-row" data-model="([^"]+)" data-configured="true"/g)].map((match) => match[1])).toEqual(['warm']);
    expect(overview.hints.reservedInstances?.computeCents.all).toBe(expectedCells(probe.config, previous, now).filter((cell) => cell.service === 'Virtual Machines').reduce((sum, cell) => sum + cell.cents, 0));
  });

  it('a later refresh fetches the two newest months plus any month of the history still missing', async () => {
    const now = new Date();
    const gap = recentMonths(now, 6)[1] ?? '';
    // As if the first refresh had stopped at that month (a 429 from Cost Management, a worker restart).
    await database.db.costSnapshot.delete({ where: { month: gap } });
    const refresh = await refreshCosts(database.db, probe.config, now, { caPem: probe.caPem });
    expect(refresh.months).toEqual([gap, ...recentMonths(now, 2)]);
    expect((await listCostMonths(database.db)).map((month) => month.month)).toEqual(recentMonths(now, 6));
  });

  it('answers the same per resource group scope (one query per group)', async () => {
    const now = new Date();
    const config: LifeboatConfig = { ...probe.config, costs: { ...probe.config.costs, costManagement: { type: 'ActualCost', scope: 'resourceGroups' } } };
    const month = recentMonths(now, 1)[0] ?? '';
    const fetched = await fetchMonthCosts(config, month, now, { caPem: probe.caPem });
    expect(cellsOf(totalsByRegionAndService(fetched.lines))).toEqual(expectedCells(probe.config, month, now));
  });

  it('falls back to the configured cost model when no cost API is configured, and says so', async () => {
    const now = new Date('2026-02-10T12:00:00Z');
    const config: LifeboatConfig = { ...probe.config, costs: { ...probe.config.costs, costManagement: undefined } };
    const fetched = await fetchMonthCosts(config, '2026-02', now);
    expect(fetched).toMatchObject({ source: 'cost-model', currency: 'CAD' });
    // 10 days of the plan's monthly figures × 12 / 365: e.g. the primary's 6 nodes, 1,200 a month → 394.52.
    const cents = (monthly: number) => Math.round(((monthly * 12) / 365) * 10 * 100);
    expect(cellsOf(totalsByRegionAndService(fetched.lines))).toEqual(
      [
        { region: 'canadacentral', service: 'Virtual Machines', cents: cents(1200) },
        { region: 'canadacentral', service: 'Storage', cents: cents(165) },
        { region: 'canadacentral', service: 'Redis Cache', cents: cents(280) },
        { region: 'canadacentral', service: 'Cognitive Services', cents: cents(2000) },
        { region: 'canadacentral', service: 'Bandwidth', cents: cents(150) },
        { region: 'canadacentral', service: 'Azure Front Door Service', cents: cents(48) },
        { region: 'canadaeast', service: 'Virtual Machines', cents: cents(600) },
        { region: 'canadaeast', service: 'Storage', cents: cents(60) },
        { region: 'canadaeast', service: 'Redis Cache', cents: cents(80) },
        { region: 'canadaeast', service: 'Cognitive Services', cents: cents(500) },
        { region: 'canadaeast', service: 'Bandwidth', cents: cents(50) },
      ].sort(byKey),
    );
    expect(cents(1200)).toBe(39_452);
  });
});
