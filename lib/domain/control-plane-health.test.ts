import { describe, expect, it } from 'vitest';
import { assessControlPlaneHealth, type LeaderChangeView, type WorkerNodeView } from './control-plane-health';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const secondsAgo = (s: number) => new Date(NOW.getTime() - s * 1000);

function worker(id: string, region: string, overrides: Partial<WorkerNodeView> = {}): WorkerNodeView {
  return {
    id,
    region,
    hostname: `${region}-host`,
    pid: 100,
    version: '0.1.0',
    startedAt: secondsAgo(600),
    heartbeatAt: secondsAgo(2),
    isLeader: false,
    leaderSince: null,
    stepDownRequestedAt: null,
    stoppedAt: null,
    ...overrides,
  };
}

const leaderIn = (id: string, region: string, overrides: Partial<WorkerNodeView> = {}) =>
  worker(id, region, { isLeader: true, leaderSince: secondsAgo(300), ...overrides });

describe('assessControlPlaneHealth', () => {
  it('is healthy with a live leader and live workers in two regions', () => {
    const health = assessControlPlaneHealth({
      workers: [leaderIn('a', 'canadacentral'), worker('b', 'canadaeast')],
      leaderChanges: [],
      now: NOW,
    });
    expect(health.verdict).toBe('healthy');
    expect(health.reasons).toEqual([]);
    expect(health.leader?.id).toBe('a');
    expect(health.workers.map((w) => [w.id, w.status, w.heartbeatAgeSeconds])).toEqual([
      ['a', 'alive', 2],
      ['b', 'alive', 2],
    ]);
  });

  it('says no-leader when nobody leads', () => {
    const health = assessControlPlaneHealth({
      workers: [worker('a', 'canadacentral'), worker('b', 'canadaeast')],
      leaderChanges: [],
      now: NOW,
    });
    expect(health.verdict).toBe('no-leader');
    expect(health.leader).toBeUndefined();
    expect(health.reasons[0]).toMatch(/No worker holds leadership/);
  });

  it('says no-leader when the leader is stale (silent for more than three heartbeats)', () => {
    const health = assessControlPlaneHealth({
      workers: [leaderIn('a', 'canadacentral', { heartbeatAt: secondsAgo(16) }), worker('b', 'canadaeast')],
      leaderChanges: [],
      now: NOW,
      heartbeatMs: 5_000,
    });
    expect(health.verdict).toBe('no-leader');
    expect(health.leader?.status).toBe('stale');
    expect(health.reasons.join(' ')).toMatch(/Leader a \(canadacentral\) has sent no heartbeat for 16 s/);
  });

  it('keeps a worker alive at exactly three heartbeats of silence and uses the given interval', () => {
    const health = assessControlPlaneHealth({
      workers: [leaderIn('a', 'canadacentral', { heartbeatAt: secondsAgo(3) }), worker('b', 'canadaeast', { heartbeatAt: secondsAgo(4) })],
      leaderChanges: [],
      now: NOW,
      heartbeatMs: 1_000,
    });
    expect(health.workers.map((w) => w.status)).toEqual(['alive', 'stale']);
    expect(health.verdict).toBe('degraded');
  });

  it('ignores a stopped worker that still claims leadership', () => {
    const health = assessControlPlaneHealth({
      workers: [leaderIn('a', 'canadacentral', { stoppedAt: secondsAgo(5) }), worker('b', 'canadaeast')],
      leaderChanges: [],
      now: NOW,
    });
    expect(health.verdict).toBe('no-leader');
    expect(health.workers[0]?.status).toBe('stopped');
  });

  it('picks the most recent claimant when a crashed leader still has its flag', () => {
    const health = assessControlPlaneHealth({
      workers: [
        leaderIn('old', 'canadacentral', { leaderSince: secondsAgo(900), heartbeatAt: secondsAgo(20) }),
        leaderIn('new', 'canadaeast', { leaderSince: secondsAgo(5) }),
      ],
      leaderChanges: [],
      now: NOW,
    });
    expect(health.leader?.id).toBe('new');
    expect(health.verdict).toBe('degraded');
    expect(health.reasons.join(' ')).toMatch(/Only canadaeast has a live worker/);
    expect(health.reasons.join(' ')).toMatch(/Worker old \(canadacentral\) has sent no heartbeat for 20 s/);
  });

  it('is degraded when live workers sit in one region only', () => {
    const health = assessControlPlaneHealth({
      workers: [leaderIn('a', 'canadacentral'), worker('b', 'canadacentral'), worker('c', 'canadaeast', { stoppedAt: secondsAgo(60) })],
      leaderChanges: [],
      now: NOW,
    });
    expect(health.verdict).toBe('degraded');
    expect(health.reasons).toEqual(["Only canadacentral has a live worker: losing that region would stop the control plane's work."]);
  });

  it('is degraded when leadership flaps, and reports the latest change', () => {
    const changes: LeaderChangeView[] = [
      { at: secondsAgo(500), workerId: 'a', region: 'canadacentral', reason: 'elected' },
      { at: secondsAgo(300), workerId: 'b', region: 'canadaeast', reason: 'elected' },
      { at: secondsAgo(301), workerId: 'a', region: 'canadacentral', reason: 'lost-connection' },
      { at: secondsAgo(60), workerId: 'a', region: 'canadacentral', reason: 'elected' },
      { at: secondsAgo(3_600), workerId: 'b', region: 'canadaeast', reason: 'elected' },
    ];
    const health = assessControlPlaneHealth({
      workers: [leaderIn('a', 'canadacentral'), worker('b', 'canadaeast')],
      leaderChanges: changes,
      now: NOW,
    });
    expect(health.verdict).toBe('degraded');
    expect(health.reasons).toEqual(['Leadership changed 3 times in the last 10 minutes.']);
    expect(health.lastLeaderChange?.at).toEqual(secondsAgo(60));
  });

  it('does not count two elections in the window as flapping', () => {
    const health = assessControlPlaneHealth({
      workers: [leaderIn('a', 'canadacentral'), worker('b', 'canadaeast')],
      leaderChanges: [
        { at: secondsAgo(500), workerId: 'a', region: 'canadacentral', reason: 'elected' },
        { at: secondsAgo(60), workerId: 'a', region: 'canadacentral', reason: 'elected' },
      ],
      now: NOW,
    });
    expect(health.verdict).toBe('healthy');
  });

  it('reports no live worker at all as no-leader', () => {
    const health = assessControlPlaneHealth({
      workers: [worker('a', 'canadacentral', { stoppedAt: secondsAgo(1) })],
      leaderChanges: [],
      now: NOW,
    });
    expect(health.verdict).toBe('no-leader');
    expect(health.reasons).toContain('No worker is alive.');
  });
});
