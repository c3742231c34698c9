import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPONENTS } from '@/lib/domain/probe-results';
import { listProbes, runProbeCycle } from './run-probe-cycle';
import { startProbeLab, type ProbeLab } from './testing/start-probe-lab';

let probeLab: ProbeLab;
beforeAll(async () => {
  probeLab = await startProbeLab();
});
afterAll(async () => {
  await probeLab?.stop();
});

const entry = (component: string, region: 'primary' | 'secondary') => {
  const found = probeLab.lab.entries.find((e) => e.component === component && e.region === region);
  if (!found) throw new Error(`no lab entry ${component}/${region}`);
  return found;
};

describe('runProbeCycle against the whole lab (temporary config, free ports)', () => {
  it('runs every configured probe, both regions plus global, all green, under one cycle id', async () => {
    const cycle = await runProbeCycle(probeLab.config, { caPem: probeLab.caPem });
    console.log(`probe cycle against the in-process lab: ${cycle.durationMs} ms for ${cycle.results.length} probes`);
    expect(cycle.cycleId).toMatch(/^[0-9a-f-]{36}$/);
    expect(cycle.results.map((r) => `${r.component}/${r.region}`).sort()).toEqual(
      [...COMPONENTS.filter((c) => c !== 'frontdoor' && c !== 'blob').flatMap((c) => [`${c}/primary`, `${c}/secondary`]), 'blob/global', 'frontdoor/global'].sort(),
    );
    expect(cycle.results.filter((r) => !r.ok).map((r) => `${r.component}/${r.region}: ${r.error}`)).toEqual([]);
    const frontDoor = cycle.results.find((r) => r.component === 'frontdoor');
    expect(frontDoor?.metrics).toMatchObject({ activeOriginGroup: 'og-canadacentral', servingRegion: 'primary' });
  });

  it('runs the probes concurrently: three 600 ms services cost one delay, and a timeout fails only its probe', async () => {
    // Services a probe calls once, so the added delay counts once per probe.
    const blob = probeLab.lab.entries.find((e) => e.component === 'blob');
    const slow = [entry('openai', 'primary'), entry('openai', 'secondary'), ...(blob ? [blob] : [])];
    expect(slow).toHaveLength(3);
    for (const service of slow) service.setLatency?.(600);
    entry('app', 'secondary').setLatency?.(3_000);
    try {
      const cycle = await runProbeCycle(probeLab.config, { caPem: probeLab.caPem, timeoutMs: 1_500 });
      console.log(`cycle with three 600 ms services and one 3 s service (1.5 s timeout): ${cycle.durationMs} ms`);
      expect(cycle.durationMs).toBeGreaterThanOrEqual(1_450);
      // Sequential would be ≥ 3 × 600 + 1 500 ms (plus Front Door's 750 ms origin check); the lab shares
      // this process, so a busy CI adds lag on top of the 1 500 ms timeout.
      expect(cycle.durationMs).toBeLessThan(3_000);
      const failed = cycle.results.filter((r) => !r.ok);
      expect(failed.map((r) => [r.component, r.region, r.error])).toEqual([['app', 'secondary', 'timed out after 1500 ms']]);
      // Front Door's own check of the slow secondary origin gives up at half the budget: unhealthy, not a failed probe.
      const frontDoor = cycle.results.find((r) => r.component === 'frontdoor');
      expect(frontDoor?.ok).toBe(true);
      for (const service of ['openai/primary', 'openai/secondary', 'blob/global']) {
        expect(cycle.results.find((r) => `${r.component}/${r.region}` === service)?.latencyMs).toBeGreaterThanOrEqual(590);
      }
    } finally {
      for (const service of slow) service.setLatency?.(0);
      entry('app', 'secondary').setLatency?.(0);
    }
  });

  it('a primary region outage fails the primary probes, and Front Door would serve from the secondary', async () => {
    const primary = probeLab.lab.entries.filter((e) => e.region === 'primary');
    await Promise.all(primary.map((e) => e.setDown(true)));
    try {
      const cycle = await runProbeCycle(probeLab.config, { caPem: probeLab.caPem, timeoutMs: 2_000 });
      const failed = cycle.results.filter((r) => !r.ok).map((r) => `${r.component}/${r.region}`).sort();
      expect(failed).toEqual(['app/primary', 'keyvault/primary', 'openai/primary', 'qdrant/primary', 'redis/primary']);
      expect(cycle.results.find((r) => r.component === 'redis' && r.region === 'primary')?.error).toMatch(/ECONNREFUSED/);
      expect(cycle.results.find((r) => r.component === 'frontdoor')?.metrics).toMatchObject({ activeOriginGroup: 'og-canadacentral', servingRegion: 'secondary' });
    } finally {
      await Promise.all(primary.map((e) => e.setDown(false)));
    }
  });

  it('a missing secret or credential fails only the probes that need it, with a clear message', async () => {
    const config = { ...probeLab.config, azure: { ...probeLab.config.azure, staticTokenForLab: false } };
    const results = await Promise.all(listProbes(config, { caPem: probeLab.caPem }).map((probe) => probe.run()));
    const needingAzure = results.filter((r) => ['aks', 'keyvault', 'frontdoor'].includes(r.component));
    expect(needingAzure.every((r) => !r.ok && /configure Azure credentials/.test(r.error ?? ''))).toBe(true);
    expect(results.filter((r) => ['qdrant', 'redis', 'app', 'blob'].includes(r.component)).every((r) => r.ok)).toBe(true);
  });
});
