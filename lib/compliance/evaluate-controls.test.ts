import { describe, expect, it } from 'vitest';
import type { DrillWithRun } from '@/lib/db/metrics/drill-with-run';
import { ago, failed, healthyProbes, MINUTE, NOW, withProbe } from '@/lib/domain/testing/healthy-probes';
import { judgeDrill } from '@/lib/metrics/judge-drill';
import type { ComplianceFacts, ControlResult, DataSetBackup } from './compliance-facts';
import { evaluateControls } from './evaluate-controls';

const OBJECTIVES = { rpoMinutes: 60, rtoMinutes: 60 };

function backup(dataSet: string, takenMinutesAgo: number, overrides: Partial<DataSetBackup> = {}): DataSetBackup {
  return {
    dataSet,
    label: dataSet,
    newest: { takenAt: ago(takenMinutesAgo * MINUTE), finishedAt: ago((takenMinutesAgo - 1) * MINUTE), runId: '1', detail: 'snapshot s1 (3,000 points)' },
    newestAttempt: { state: 'succeeded', at: ago((takenMinutesAgo - 1) * MINUTE), error: null },
    verificationMethod: 'restored into the secondary',
    verification: { at: ago(5 * MINUTE), runId: '2', detail: 'snapshot s1 restored with 3,000 points' },
    verificationAttempt: { state: 'succeeded', at: ago(5 * MINUTE), error: null },
    ...overrides,
  };
}

function drill(run: Partial<NonNullable<DrillWithRun['run']>>): DrillWithRun {
  const at = ago(3 * 86_400_000);
  return {
    id: 'drill-1',
    title: 'Q4 drill',
    state: 'ran',
    environment: 'lab',
    scheduledFor: at,
    requestId: 'req-1',
    run: { id: 'run-1', state: 'succeeded', startedAt: at, finishedAt: at, servingAt: at, rtoSeconds: 1_500, rpoSeconds: 900, steps: [{ stepId: 'failover/validate', action: 'validate-serving', state: 'succeeded', output: {}, error: null }], ...run },
    participants: [{ userName: 'Omar Operator', confirmedAt: at }],
  };
}

function facts(overrides: Partial<ComplianceFacts> = {}): ComplianceFacts {
  return {
    now: NOW,
    objectives: OBJECTIVES,
    deploymentModel: 'warm',
    probeIntervalSeconds: 5,
    regions: { primary: { name: 'canadacentral', label: 'Canada Central' }, secondary: { name: 'canadaeast', label: 'Canada East' } },
    secondaryAks: { cluster: 'aks-rag-secondary', nodePool: 'userpool', standbyNodeCount: 3, productionNodeCount: 6 },
    storageAccount: 'devstoreaccount1',
    latest: healthyProbes(ago(2_000)),
    backups: [backup('qdrant:documents', 20), backup('redis', 10)],
    newestDrill: judgeDrill(drill({}), OBJECTIVES),
    ...overrides,
  };
}

const control = (results: ControlResult[], id: string) => results.find((c) => c.id === id)!;
const item = (results: ControlResult[], id: string, evidence: string) => control(results, id).evidence.find((e) => e.id === evidence)!;

describe('evaluateControls', () => {
  it('passes all four controls on healthy live evidence, each item with what was observed', () => {
    const results = evaluateControls(facts());
    expect(results.map((c) => [c.id, c.status])).toEqual([['CP-6', 'pass'], ['CP-7', 'pass'], ['CP-9', 'pass'], ['CP-10', 'pass']]);
    expect(control(results, 'CP-6').evidence.map((e) => e.id)).toEqual(['blob-geo-replication', 'stored-copy:qdrant:documents', 'stored-copy:redis']);
    expect(item(results, 'CP-6', 'stored-copy:qdrant:documents').detail).toContain('20 min old, within the RPO objective of 60 min');
    expect(item(results, 'CP-7', 'secondary-aks').detail).toBe('Running, provisioning Succeeded, 3 node(s) (standby size 3)');
    expect(item(results, 'CP-7', 'drill-rto')).toMatchObject({ status: 'pass', href: '/drills/drill-1' });
    expect(control(results, 'CP-10').summary).toBe('all 5 evidence items pass');
  });

  it('CP-6 fails when geo-replication is unavailable or a data set has no copy within the RPO', () => {
    const unavailable = withProbe(healthyProbes(ago(2_000)), 'blob', 'global', (p) => ({ ...p, metrics: { geoStatus: 'unavailable', lastSyncTime: null, lagSeconds: null } }));
    const results = evaluateControls(facts({ latest: unavailable, backups: [backup('qdrant:documents', 75), { ...backup('redis', 1), newest: null }] }));
    expect(control(results, 'CP-6').status).toBe('fail');
    expect(control(results, 'CP-6').evidence.map((e) => e.status)).toEqual(['fail', 'fail', 'fail']);
    expect(item(results, 'CP-6', 'stored-copy:qdrant:documents').detail).toContain('beyond the RPO objective');
    expect(item(results, 'CP-6', 'stored-copy:redis').detail).toBe('no verified backup in Blob (RPO objective 60 min)');
  });

  it('CP-7 fails on a secondary below standby size or a failing secondary probe, and is unknown when probes are stale', () => {
    const shrunk = withProbe(healthyProbes(ago(2_000)), 'aks', 'secondary', (p) => ({ ...p, metrics: { nodeCount: 1, powerState: 'Running', provisioningState: 'Succeeded' } }));
    expect(item(evaluateControls(facts({ latest: shrunk })), 'CP-7', 'secondary-aks')).toMatchObject({ status: 'fail', detail: 'not ready: Running, provisioning Succeeded, 1 node(s) (standby size 3)' });
    const appDown = withProbe(healthyProbes(ago(2_000)), 'app', 'secondary', (p) => failed(p));
    expect(item(evaluateControls(facts({ latest: appDown })), 'CP-7', 'secondary-health')).toMatchObject({ status: 'fail', detail: 'failing: app (connect ECONNREFUSED 127.0.0.1:7002)' });
    const stale = evaluateControls(facts({ latest: healthyProbes(ago(10 * MINUTE)) }));
    expect(control(stale, 'CP-7').status).toBe('unknown');
    expect(item(stale, 'CP-7', 'secondary-aks').detail).toContain('the newest probe is 10 min old');
  });

  it('CP-9 fails when the newest backup or restore test failed after the last good one, and is unknown before any restore test', () => {
    const failedBackup = backup('redis', 30, { newestAttempt: { state: 'failed', at: ago(2 * MINUTE), error: 'ECONNRESET' } });
    expect(item(evaluateControls(facts({ backups: [failedBackup] })), 'CP-9', 'backup:redis')).toMatchObject({ status: 'fail' });
    const failedRestore = backup('redis', 30, { verificationAttempt: { state: 'failed', at: ago(1 * MINUTE), error: 'key count 0, expected 500' } });
    expect(item(evaluateControls(facts({ backups: [failedRestore] })), 'CP-9', 'restore-test:redis').detail).toContain('key count 0, expected 500');
    const neverTested = evaluateControls(facts({ backups: [backup('redis', 30, { verification: null, verificationAttempt: null })] }));
    expect(control(neverTested, 'CP-9').status).toBe('unknown');
  });

  it('CP-10 fails with the evidence of a failed newest drill, is unknown while it is open or before any drill', () => {
    const failedDrill = judgeDrill(drill({ state: 'failed', rtoSeconds: 5_400 }), OBJECTIVES);
    const results = evaluateControls(facts({ newestDrill: failedDrill }));
    expect(control(results, 'CP-10').status).toBe('fail');
    expect(item(results, 'CP-10', 'newest-drill')).toMatchObject({ status: 'fail', href: '/drills/drill-1' });
    expect(item(results, 'CP-10', 'newest-drill').detail).toContain('Secondary operational within the RTO objective (measured 1 h 30 min (5400 s), beyond the objective 60 min)');
    expect(item(results, 'CP-10', 'drill-rto')).toMatchObject({ status: 'fail' });
    expect(item(results, 'CP-7', 'drill-rto').status).toBe('fail');
    const open = judgeDrill({ ...drill({}), participants: [{ userName: 'Ada Architect', confirmedAt: null }] }, OBJECTIVES);
    expect(control(evaluateControls(facts({ newestDrill: open })), 'CP-10').status).toBe('unknown');
    expect(control(evaluateControls(facts({ newestDrill: null })), 'CP-10')).toMatchObject({ status: 'unknown', evidence: [{ id: 'newest-drill', detail: 'no drill has run yet' }] });
  });
});
