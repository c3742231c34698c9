import { describe, expect, it } from 'vitest';
import { assessReadiness, type ReadinessInput } from './assess-readiness';
import { estimateRto } from './estimate-rto';
import { measureAge } from './measure-age';
import type { ProbeResult } from './probe-results';
import { ago, failed, healthyProbes, MINUTE, NOW, withProbe } from './testing/healthy-probes';

function input(overrides: Partial<ReadinessInput> = {}): ReadinessInput {
  return {
    latest: healthyProbes(),
    probeIntervalSeconds: 15,
    objectives: { rpoMinutes: 60, rtoMinutes: 60 },
    deploymentModel: 'warm',
    replication: { qdrant: [{ collection: 'documents', restoredSnapshotCreatedAt: ago(20 * MINUTE) }], redisNewestBackupAt: ago(30 * MINUTE) },
    lastMeasured: null,
    now: NOW,
    ...overrides,
  };
}
const messages = (latest: ProbeResult[], overrides: Partial<ReadinessInput> = {}) => assessReadiness(input({ latest, ...overrides })).reasons.map((r) => `${r.severity} ${r.component}: ${r.message}`);

describe('measureAge', () => {
  it('clamps a time in the future to 0 and flags it', () => {
    expect(measureAge(ago(90_000), NOW)).toEqual({ seconds: 90, skewed: false });
    expect(measureAge(new Date(NOW.getTime() + 30_000), NOW)).toEqual({ seconds: 0, skewed: true });
    expect(measureAge(NOW, NOW)).toEqual({ seconds: 0, skewed: false });
  });
});

describe('assessReadiness', () => {
  it('is READY when every component answers, RPO and RTO are within objective, and says which region serves', () => {
    const readiness = assessReadiness(input());
    expect(readiness).toMatchObject({ verdict: 'READY', reasons: [], servingRegion: 'primary', stale: false, evaluatedAt: NOW.toISOString(), newestProbeAt: ago(5_000).toISOString() });
    expect(readiness.rpo.dataSets.map((set) => [set.dataSet, set.rpoSeconds, set.withinObjective])).toEqual([
      ['qdrant:documents', 1200, true],
      ['redis', 1800, true],
      ['blob', 12, true], // Last Sync Time 7 s before a probe taken 5 s ago: the lag keeps growing between probes
    ]);
    expect(readiness.rpo.worst?.dataSet).toBe('redis');
    expect(readiness.rto).toMatchObject({ minutes: 45, objectiveMinutes: 60, withinObjective: true, basis: 'plan-estimate' });
  });

  it('is NOT_READY when a secondary component is down, timed out or was never probed', () => {
    const down = withProbe(healthyProbes(), 'qdrant', 'secondary', (r) => failed(r, 'connect ECONNREFUSED 127.0.0.1:6343'));
    expect(assessReadiness(input({ latest: down })).verdict).toBe('NOT_READY');
    expect(messages(down)[0]).toBe('blocker qdrant: secondary qdrant: connect ECONNREFUSED 127.0.0.1:6343');

    const timedOut = withProbe(healthyProbes(), 'app', 'secondary', (r) => failed(r, 'timed out after 5000 ms'));
    expect(messages(timedOut)).toContain('blocker app: secondary app: timed out after 5000 ms');

    const missing = withProbe(healthyProbes(), 'keyvault', 'secondary', () => null);
    expect(assessReadiness(input({ latest: missing })).verdict).toBe('NOT_READY');
    expect(messages(missing)).toContain('blocker keyvault: secondary keyvault: not probed (state unknown)');
  });

  it('treats a secondary component whose own result is older than two intervals as unknown', () => {
    const old = withProbe(healthyProbes(), 'openai', 'secondary', (r) => ({ ...r, at: ago(31_000) }));
    expect(messages(old)).toEqual(['blocker openai: secondary openai: last probed 31 s ago (state unknown)']);
    const justInTime = withProbe(healthyProbes(), 'openai', 'secondary', (r) => ({ ...r, at: ago(30_000) }));
    expect(assessReadiness(input({ latest: justInTime })).verdict).toBe('READY');
  });

  it('is NOT_READY when the secondary AKS is stopped, or has no nodes in a warm standby (but not cold)', () => {
    const stopped = withProbe(healthyProbes(), 'aks', 'secondary', (r) => ({ ...r, metrics: { nodeCount: 3, powerState: 'Stopped', provisioningState: 'Succeeded' } }));
    expect(messages(stopped)).toContain('blocker aks: secondary AKS cluster is Stopped');
    const empty = withProbe(healthyProbes(), 'aks', 'secondary', (r) => ({ ...r, metrics: { nodeCount: 0, powerState: 'Running', provisioningState: 'Succeeded' } }));
    expect(assessReadiness(input({ latest: empty })).verdict).toBe('NOT_READY');
    expect(assessReadiness(input({ latest: empty, deploymentModel: 'cold', objectives: { rpoMinutes: 60, rtoMinutes: 240 } })).verdict).toBe('READY');
  });

  it('only warns (DEGRADED) for a secondary Redis down: the app runs without its cache', () => {
    const latest = withProbe(healthyProbes(), 'redis', 'secondary', (r) => failed(r));
    const readiness = assessReadiness(input({ latest }));
    expect(readiness.verdict).toBe('DEGRADED');
    expect(readiness.reasons.map((r) => r.severity)).toEqual(['warning']);
  });

  it('is NOT READY while the primary is down, even with a fine secondary, and knows when the secondary serves', () => {
    const primaryDown = withProbe(healthyProbes(), 'app', 'primary', (r) => failed(r, 'connect ECONNREFUSED 127.0.0.1:7001'));
    expect(messages(primaryDown)).toEqual(['blocker app: primary app: connect ECONNREFUSED 127.0.0.1:7001; the secondary can take over, but nothing stands behind it']);
    const failedOver = withProbe(primaryDown, 'frontdoor', 'global', (r) => (r.metrics ? { ...r, metrics: { ...r.metrics, servingRegion: 'secondary' } } : r));
    const readiness = assessReadiness(input({ latest: failedOver }));
    expect(readiness.servingRegion).toBe('secondary');
    expect(readiness.verdict).toBe('NOT_READY');
  });

  it('has no serving region when Front Door cannot be probed', () => {
    const latest = withProbe(healthyProbes(), 'frontdoor', 'global', (r) => failed(r, 'ARM answered 500'));
    const readiness = assessReadiness(input({ latest }));
    expect(readiness.servingRegion).toBeNull();
    expect(messages(latest)).toEqual(['warning frontdoor: Front Door: ARM answered 500; the serving region is unknown']);
  });

  it('reports RPO unknown when no snapshot was restored yet (DEGRADED), and over objective when old', () => {
    const none = assessReadiness(input({ replication: { qdrant: [], redisNewestBackupAt: null } }));
    expect(none.verdict).toBe('DEGRADED');
    expect(none.rpo.worst).toMatchObject({ dataSet: 'qdrant:documents', rpoSeconds: null, withinObjective: null, basis: 'no snapshot restored and validated in the secondary yet' });
    // Redis falls back to the newest backup the probe found in Blob.
    expect(none.rpo.dataSets.find((set) => set.dataSet === 'redis')?.rpoSeconds).toBe(605);

    const old = assessReadiness(input({ replication: { qdrant: [{ collection: 'documents', restoredSnapshotCreatedAt: ago(61 * MINUTE) }], redisNewestBackupAt: null } }));
    expect(old.rpo.worst).toMatchObject({ dataSet: 'qdrant:documents', rpoSeconds: 3660, withinObjective: false });
    expect(old.reasons.map((r) => r.message)).toEqual(['Qdrant documents: RPO 1 h 1 min, over the 1 h objective']);
  });

  it('counts an RPO exactly at the objective as within it', () => {
    const readiness = assessReadiness(input({ replication: { qdrant: [{ collection: 'documents', restoredSnapshotCreatedAt: ago(60 * MINUTE) }], redisNewestBackupAt: null } }));
    expect(readiness.rpo.worst).toMatchObject({ rpoSeconds: 3600, withinObjective: true });
    expect(readiness.verdict).toBe('READY');
  });

  it('clamps a snapshot dated in the future to RPO 0 and flags the clock skew', () => {
    const readiness = assessReadiness(input({ replication: { qdrant: [{ collection: 'documents', restoredSnapshotCreatedAt: new Date(NOW.getTime() + 5 * MINUTE) }], redisNewestBackupAt: null } }));
    const qdrant = readiness.rpo.dataSets[0];
    expect(qdrant?.rpoSeconds).toBe(0);
    expect(qdrant?.basis).toMatch(/clock skew, counted as 0/);
    expect(readiness.verdict).toBe('DEGRADED');
    expect(readiness.reasons.map((r) => r.message)).toEqual(['clock skew: the newest data of qdrant:documents is dated in the future']);
  });

  it('flags probe results dated in the future', () => {
    const future = healthyProbes(new Date(NOW.getTime() + 60_000));
    const readiness = assessReadiness(input({ latest: future }));
    expect(readiness.stale).toBe(false);
    expect(readiness.reasons.some((r) => r.component === 'control-plane' && /dated in the future/.test(r.message))).toBe(true);
  });

  it('is stale (and NOT_READY, every secondary component unknown) when the newest probe is older than two intervals', () => {
    const readiness = assessReadiness(input({ latest: healthyProbes(ago(45_000)) }));
    expect(readiness.stale).toBe(true);
    expect(readiness.verdict).toBe('NOT_READY');
    expect(readiness.reasons.find((r) => r.component === 'control-plane')?.message).toBe('the newest probe is 45 s old (more than two 15 s intervals): is the worker running?');
  });

  it('is NOT_READY with no probe results at all', () => {
    const readiness = assessReadiness(input({ latest: [], replication: { qdrant: [], redisNewestBackupAt: null } }));
    expect(readiness).toMatchObject({ verdict: 'NOT_READY', stale: true, newestProbeAt: null, servingRegion: null });
    expect(readiness.reasons[0]?.message).toBe('no probe results yet: the worker has not probed anything');
    expect(readiness.rpo.dataSets.map((set) => set.dataSet)).toEqual(['qdrant', 'redis', 'blob']);
  });

  it('warns about Blob geo-replication not live and Key Vault drift', () => {
    const paused = withProbe(healthyProbes(), 'blob', 'global', (r) => (r.metrics ? { ...r, metrics: { ...r.metrics, geoStatus: 'unavailable' } } : r));
    expect(messages(paused)).toEqual(['warning blob: Blob geo-replication is unavailable']);
    const drift = withProbe(healthyProbes(), 'keyvault', 'secondary', (r) => ({ ...r, metrics: { secrets: [{ name: 'redis-password', version: 'v3' }] } }));
    expect(messages(drift)).toEqual(['warning keyvault: secondary Key Vault lacks qdrant-api-key', 'warning keyvault: Key Vault versions differ for redis-password']);
  });

  it('uses the newest measured drill for the RTO, and warns when the estimate is over the objective', () => {
    const measured = assessReadiness(input({ lastMeasured: { rtoMinutes: 38.2, at: ago(24 * 60 * MINUTE), kind: 'drill' } }));
    expect(measured.rto).toMatchObject({ minutes: 38.2, basis: 'measured-drill', withinObjective: true });
    const slow = assessReadiness(input({ lastMeasured: { rtoMinutes: 75, at: ago(MINUTE), kind: 'failover' } }));
    expect(slow.verdict).toBe('DEGRADED');
    expect(slow.reasons.map((r) => r.message)).toEqual(['estimated RTO 75 min is over the 60 min objective (measured-failover)']);
  });
});

describe('estimateRto from the plan', () => {
  it('takes the longest of parallel steps and sums the stages, naming the steps', () => {
    const cold = estimateRto({ deploymentModel: 'cold', objectiveMinutes: 240, lastMeasured: null });
    expect(cold.minutes).toBe(90);
    expect(cold.detail).toBe(
      'no measured drill yet; cold standby plan: (scale-aks 15 min ∥ restore-qdrant 30 min ∥ restore-redis 15 min: longest 30 min) → switch-front-door 30 min → validate 30 min = 90 min (∥ = in parallel, → = one after another)',
    );
    expect(estimateRto({ deploymentModel: 'warm', objectiveMinutes: 60, lastMeasured: null }).minutes).toBe(45);
    expect(estimateRto({ deploymentModel: 'active-active', objectiveMinutes: 5, lastMeasured: null })).toMatchObject({ minutes: 4.5, withinObjective: true });
  });

  it('applies configured step overrides', () => {
    const rto = estimateRto({ deploymentModel: 'warm', objectiveMinutes: 60, lastMeasured: null, stepEstimatesMinutes: { 'restore-qdrant': 40 } });
    expect(rto).toMatchObject({ minutes: 70, withinObjective: false });
  });
});
