import { describe, expect, it } from 'vitest';
import { evaluateAlertRules, type AlertRulesInput } from './evaluate-alert-rules';
import { ALERT_RULES, type AlertRule } from './readiness-types';
import { ago, failed, healthyProbes, MINUTE, NOW, withProbe } from './testing/healthy-probes';

const DAY = 24 * 60 * MINUTE;

function input(overrides: Partial<AlertRulesInput> = {}): AlertRulesInput {
  return {
    now: NOW,
    latest: healthyProbes(),
    recentPrimaryHealth: [true, true, true, true, true],
    replication: { qdrant: [{ collection: 'documents', restoredSnapshotCreatedAt: ago(20 * MINUTE) }], redisNewestBackupAt: ago(30 * MINUTE) },
    lastSuccessfulDrillAt: ago(10 * DAY),
    deploymentModel: 'warm',
    thresholds: { primaryUnhealthyFailures: 3, replicationLagMinutes: 90, redisBackupStaleMinutes: 120, drillOverdueDays: 90 },
    ...overrides,
  };
}
function rule(name: AlertRule, overrides: Partial<AlertRulesInput> = {}) {
  const condition = evaluateAlertRules(input(overrides)).find((c) => c.rule === name);
  if (!condition) throw new Error(`no condition for ${name}`);
  return condition;
}

describe('evaluateAlertRules', () => {
  it('returns one condition per rule, none holding when all is well, with the plan severities', () => {
    const conditions = evaluateAlertRules(input());
    expect(conditions.map((c) => [c.rule, c.severity, c.dedupKey, c.holds])).toEqual([
      ['primary-region-unhealthy', 'SEV-1', 'primary-region-unhealthy', false],
      ['replication-lag-high', 'SEV-2', 'replication-lag-high', false],
      ['secondary-aks-down', 'SEV-2', 'secondary-aks-down', false],
      ['blob-replication-failed', 'SEV-2', 'blob-replication-failed', false],
      ['replication-job-failed', 'SEV-3', 'replication-job-failed', false],
      ['redis-backup-stale', 'SEV-3', 'redis-backup-stale', false],
      ['drill-overdue', 'SEV-3', 'drill-overdue', false],
    ]);
    expect(conditions.map((c) => c.rule).sort()).toEqual([...ALERT_RULES].sort());
    expect(JSON.parse(JSON.stringify(conditions))).toEqual(conditions);
  });

  describe('primary-region-unhealthy (more than 3 failures in a row)', () => {
    it('fires on the 4th consecutive failure, not at exactly 3', () => {
      expect(rule('primary-region-unhealthy', { recentPrimaryHealth: [false, false, false, true, false] }).holds).toBe(false);
      const four = rule('primary-region-unhealthy', { recentPrimaryHealth: [false, false, false, false, true] });
      expect(four).toMatchObject({ holds: true, title: 'Primary region unhealthy: 4 health checks failed in a row', details: { consecutiveFailures: 4 } });
    });
    it('counts only the newest run of failures, and a short history of all failures', () => {
      expect(rule('primary-region-unhealthy', { recentPrimaryHealth: [true, false, false, false, false, false] }).holds).toBe(false);
      expect(rule('primary-region-unhealthy', { recentPrimaryHealth: [false, false, false, false] }).holds).toBe(true);
      expect(rule('primary-region-unhealthy', { recentPrimaryHealth: [] }).holds).toBe(false);
    });
  });

  describe('replication-lag-high (snapshot older than 90 min)', () => {
    it('holds over 90 min, not at exactly 90', () => {
      const at = (minutes: number) => ({ replication: { qdrant: [{ collection: 'documents', restoredSnapshotCreatedAt: ago(minutes * MINUTE) }], redisNewestBackupAt: null } });
      expect(rule('replication-lag-high', at(90)).holds).toBe(false);
      const late = rule('replication-lag-high', at(91));
      expect(late).toMatchObject({ holds: true, title: 'Replication lag high: newest Qdrant snapshot is 1 h 31 min old' });
      expect(late.details.snapshots).toEqual([{ collection: 'documents', createdAt: ago(91 * MINUTE).toISOString(), ageSeconds: 5460, basis: 'restored in the secondary', clockSkew: false }]);
    });
    it('falls back to the newest snapshot on the primary while nothing was restored', () => {
      const old = withProbe(healthyProbes(), 'qdrant', 'primary', (r) => (r.metrics ? { ...r, metrics: { ...r.metrics, newestSnapshot: { name: 'documents-0.snapshot', createdAt: ago(2 * 60 * MINUTE).toISOString() } } } : r));
      const condition = rule('replication-lag-high', { latest: old, replication: { qdrant: [], redisNewestBackupAt: null } });
      expect(condition.holds).toBe(true);
      expect(condition.details.snapshots).toMatchObject([{ collection: '*', basis: "newest on the primary's disk (documents-0.snapshot)" }]);
    });
    it('does not fire when there is no snapshot yet anywhere (nothing to age), and says so', () => {
      const none = withProbe(healthyProbes(), 'qdrant', 'primary', (r) => (r.metrics ? { ...r, metrics: { ...r.metrics, newestSnapshot: null } } : r));
      const condition = rule('replication-lag-high', { latest: none, replication: { qdrant: [{ collection: 'documents', restoredSnapshotCreatedAt: null }], redisNewestBackupAt: null } });
      expect(condition).toMatchObject({ holds: false, title: 'Replication lag high: no Qdrant snapshot yet', details: { noSnapshotYet: ['documents'] } });
    });
    it('clamps a snapshot dated in the future (clock skew) to age 0 and flags it', () => {
      const condition = rule('replication-lag-high', { replication: { qdrant: [{ collection: 'documents', restoredSnapshotCreatedAt: new Date(NOW.getTime() + 10 * MINUTE) }], redisNewestBackupAt: null } });
      expect(condition.holds).toBe(false);
      expect(condition.details.snapshots).toMatchObject([{ ageSeconds: 0, clockSkew: true }]);
    });
  });

  describe('secondary-aks-down', () => {
    it('holds when the probe fails or times out, the cluster is stopped, or a warm pool is empty', () => {
      const timedOut = withProbe(healthyProbes(), 'aks', 'secondary', (r) => failed(r, 'timed out after 5000 ms'));
      expect(rule('secondary-aks-down', { latest: timedOut })).toMatchObject({ holds: true, title: 'Secondary AKS down: aks-rag-secondary/userpool: timed out after 5000 ms' });
      const stopped = withProbe(healthyProbes(), 'aks', 'secondary', (r) => ({ ...r, metrics: { nodeCount: 3, powerState: 'Stopped', provisioningState: 'Succeeded' } }));
      expect(rule('secondary-aks-down', { latest: stopped }).holds).toBe(true);
      const empty = withProbe(healthyProbes(), 'aks', 'secondary', (r) => ({ ...r, metrics: { nodeCount: 0, powerState: 'Running', provisioningState: 'Succeeded' } }));
      expect(rule('secondary-aks-down', { latest: empty }).holds).toBe(true);
      expect(rule('secondary-aks-down', { latest: empty, deploymentModel: 'cold' }).holds).toBe(false);
    });
    it('does not fire for a primary AKS failure, nor when the secondary was never probed', () => {
      const primaryDown = withProbe(healthyProbes(), 'aks', 'primary', (r) => failed(r));
      expect(rule('secondary-aks-down', { latest: primaryDown }).holds).toBe(false);
      expect(rule('secondary-aks-down', { latest: withProbe(healthyProbes(), 'aks', 'secondary', () => null) }).holds).toBe(false);
    });
  });

  describe('blob-replication-failed', () => {
    it('holds when geo-replication is unavailable or the stats cannot be read; not while bootstrapping', () => {
      const status = (geoStatus: 'live' | 'bootstrap' | 'unavailable') => withProbe(healthyProbes(), 'blob', 'global', (r) => (r.metrics ? { ...r, metrics: { ...r.metrics, geoStatus } } : r));
      expect(rule('blob-replication-failed', { latest: status('unavailable') })).toMatchObject({ holds: true, title: 'Blob replication failed: geo-replication unavailable' });
      expect(rule('blob-replication-failed', { latest: status('bootstrap') }).holds).toBe(false);
      const unreachable = withProbe(healthyProbes(), 'blob', 'global', (r) => failed(r, 'timed out after 5000 ms'));
      expect(rule('blob-replication-failed', { latest: unreachable })).toMatchObject({ holds: true, title: 'Blob replication failed: timed out after 5000 ms' });
      expect(rule('blob-replication-failed', { latest: withProbe(healthyProbes(), 'blob', 'global', () => null) }).holds).toBe(false);
    });
  });

  describe('replication-job-failed (the newest run of a pipeline failed)', () => {
    it('holds while a job and target ends failed, names each, and clears once its newest run succeeds', () => {
      const run = (job: string, target: string, state: 'succeeded' | 'failed', error: string | null = null) => ({ job, target, state, finishedAt: ago(MINUTE), error });
      const failing = rule('replication-job-failed', {
        replication: { qdrant: [], redisNewestBackupAt: null, latestRuns: [run('qdrant-snapshot', 'documents', 'failed', 'Blob: upload snapshot: ECONNREFUSED'), run('redis-backup', 'redis', 'succeeded'), run('qdrant-restore', 'documents', 'failed', 'checksum mismatch')] },
      });
      expect(failing).toMatchObject({ holds: true, severity: 'SEV-3', title: 'Replication job failed: qdrant-snapshot documents, qdrant-restore documents' });
      expect(failing.details.failing).toEqual([
        { job: 'qdrant-snapshot', target: 'documents', finishedAt: ago(MINUTE).toISOString(), error: 'Blob: upload snapshot: ECONNREFUSED' },
        { job: 'qdrant-restore', target: 'documents', finishedAt: ago(MINUTE).toISOString(), error: 'checksum mismatch' },
      ]);
      expect(rule('replication-job-failed', { replication: { qdrant: [], redisNewestBackupAt: null, latestRuns: [run('qdrant-snapshot', 'documents', 'succeeded')] } }).holds).toBe(false);
      expect(rule('replication-job-failed', { replication: { qdrant: [], redisNewestBackupAt: null } }).holds).toBe(false);
    });
  });

  describe('redis-backup-stale (older than 120 min)', () => {
    it('holds over 120 min, not at exactly 120; uses the probed backup when the pipeline reports none', () => {
      expect(rule('redis-backup-stale', { replication: { qdrant: [], redisNewestBackupAt: ago(120 * MINUTE) } }).holds).toBe(false);
      expect(rule('redis-backup-stale', { replication: { qdrant: [], redisNewestBackupAt: ago(121 * MINUTE) } })).toMatchObject({ holds: true, title: 'Redis backup stale: newest backup is 2 h 1 min old' });
      expect(rule('redis-backup-stale', { replication: { qdrant: [], redisNewestBackupAt: null } }).details.ageSeconds).toBe(605);
    });
    it('does not fire with no backup yet, and clamps a future backup time', () => {
      const noBackup = withProbe(withProbe(healthyProbes(), 'redis', 'primary', (r) => failed(r)), 'redis', 'secondary', (r) => failed(r));
      expect(rule('redis-backup-stale', { latest: noBackup, replication: { qdrant: [], redisNewestBackupAt: null } })).toMatchObject({ holds: false, title: 'Redis backup stale: no backup yet' });
      expect(rule('redis-backup-stale', { replication: { qdrant: [], redisNewestBackupAt: new Date(NOW.getTime() + MINUTE) } }).details).toMatchObject({ ageSeconds: 0, clockSkew: true });
    });
  });

  describe('drill-overdue (more than 90 days)', () => {
    it('holds after 90 days, not at exactly 90, and when no drill ever succeeded', () => {
      expect(rule('drill-overdue', { lastSuccessfulDrillAt: ago(90 * DAY) }).holds).toBe(false);
      expect(rule('drill-overdue', { lastSuccessfulDrillAt: ago(90 * DAY + 1000) })).toMatchObject({ holds: true, title: 'DR drill overdue: the last successful drill was 90 d ago' });
      expect(rule('drill-overdue', { lastSuccessfulDrillAt: null })).toMatchObject({ holds: true, title: 'DR drill overdue: no successful drill recorded' });
    });
  });
});
