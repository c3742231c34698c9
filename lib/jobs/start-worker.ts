import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { PgBoss } from 'pg-boss';
import type { LifeboatConfig } from '@/lib/config/schema';
import { connectDb } from '@/lib/db/client';
import { createLeaderLock } from '@/lib/db/leader-lock';
import { recordProbeSamples } from '@/lib/db/probes/record-probe-samples';
import { markLeader } from '@/lib/db/workers/mark-leader';
import { markLostLeadership, type LostLeadershipReason } from '@/lib/db/workers/mark-lost-leadership';
import { markWorkerStopped } from '@/lib/db/workers/mark-worker-stopped';
import { recordHeartbeat } from '@/lib/db/workers/record-heartbeat';
import { registerWorker } from '@/lib/db/workers/register-worker';
import { DEFAULT_HEARTBEAT_MS } from '@/lib/domain/control-plane-health';
import { runProbeCycle } from '@/lib/probes/run-probe-cycle';
import packageJson from '@/package.json';
import { CONTROL_PLANE_SWEEP_CRON, CONTROL_PLANE_SWEEP_QUEUE, sweepControlPlane } from './control-plane-sweep';
import { startProbeLoop, type AfterProbeCycle, type ProbeLoop } from './probe-loop';
import { PROBE_ROLLUP_CRON, PROBE_ROLLUP_QUEUE, rollUpAndPruneProbes } from './probe-rollup';
import { createStepRegistry } from '@/lib/runbooks/steps/create-step-registry';
import type { StepOptions } from '@/lib/runbooks/steps/step-options';
import { declareCostJobs, workCostJobs } from './cost-jobs';
import { declareReplicationJobs, workReplicationJobs } from './replication-jobs';
import { declareRunbookQueue, startRunbookDispatch, workRunbookJobs } from './runbook-jobs';

export const DEFAULT_ELECTION_MS = 5_000;

export type StartWorkerOptions = {
  databaseUrl: string;
  region: string;
  heartbeatMs?: number;
  electionMs?: number;
  log?: (line: string) => void;
  /** The topology to probe while leading; absent: no probe loop (tests of other duties). */
  probes?: { config: LifeboatConfig; intervalMs?: number; timeoutMs?: number };
  /** Runs after each probe cycle's samples are written, on the leader. */
  afterProbeCycle?: AfterProbeCycle;
  /** Runbooks (executed from the same configuration as the probes): lease and step handler options. */
  runbooks?: { leaseMs?: number; dispatchIntervalMs?: number; stepOptions?: StepOptions };
};

export type RunningWorker = {
  id: string;
  /** True only while this process holds the leader lock on a live connection. */
  isLeader(): boolean;
  /** Hands leadership over, marks the worker stopped and closes its connections. */
  stop(): Promise<void>;
};

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts one worker process's duties: registration, heartbeat, leader election on a PostgreSQL
 * advisory lock, and pg-boss on the same database. Leader-only work runs only while leading.
 */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const electionMs = options.electionMs ?? DEFAULT_ELECTION_MS;
  const log = options.log ?? (() => undefined);
  const me = { id: `${options.region}-${randomBytes(4).toString('hex')}`, region: options.region };
  const db = connectDb(options.databaseUrl);

  // Every transition, heartbeat and the stop run one at a time, in order.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };

  let leading = false;
  let stopping = false;
  let competeAfter = 0;
  let sweepWorkId: string | undefined;
  let rollupWorkId: string | undefined;
  let replicationWork: { queue: string; id: string }[] = [];
  let runbookDispatch: { stop(): Promise<void> } | undefined;
  let probeLoop: ProbeLoop | undefined;
  // A stopped loop may still finish its cycle (it re-checks leadership before writing): awaited before disconnecting.
  let probesDraining: Promise<void> = Promise.resolve();
  const timers = new Set<NodeJS.Timeout>();

  const lock = createLeaderLock(options.databaseUrl, {
    name: `lifeboat-leader-lock ${me.id}`,
    // Leadership is already gone (isLeader() reads the lock); recording it waits its turn.
    onLost: (cause) => void serial(() => loseLeadership('lost-connection', cause.message)).catch(() => undefined),
  });
  const isLeader = () => leading && lock.isHeld();

  try {
    await registerWorker(db, { ...me, hostname: os.hostname(), pid: process.pid, version: packageJson.version });
  } catch (error) {
    await db.$disconnect();
    throw error;
  }
  log(`registered worker ${me.id} in ${me.region} (pid ${process.pid})`);

  const boss = new PgBoss({ connectionString: options.databaseUrl, max: 4, application_name: `lifeboat-worker ${me.id}` });
  boss.on('error', (error) => log(`pg-boss error: ${error.message}`));
  try {
    await boss.start();
    await boss.createQueue(CONTROL_PLANE_SWEEP_QUEUE, { retryLimit: 3, retryDelay: 5, expireInSeconds: 60, deleteAfterSeconds: 86_400 });
    // An upsert: every worker declaring the same schedule leaves one schedule, fired once per minute.
    await boss.schedule(CONTROL_PLANE_SWEEP_QUEUE, CONTROL_PLANE_SWEEP_CRON, null, { tz: 'UTC' });
    await boss.createQueue(PROBE_ROLLUP_QUEUE, { retryLimit: 3, retryDelay: 60, expireInSeconds: 600, deleteAfterSeconds: 86_400 });
    await boss.schedule(PROBE_ROLLUP_QUEUE, PROBE_ROLLUP_CRON, null, { tz: 'UTC' });
    if (options.probes) await declareReplicationJobs(boss, options.probes.config);
    if (options.probes) await declareRunbookQueue(boss);
    if (options.probes) await declareCostJobs(boss, options.probes.config);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    await markWorkerStopped(db, me.id).catch(() => undefined);
    await db.$disconnect();
    throw error;
  }

  async function startLeaderDuties(): Promise<void> {
    sweepWorkId = await boss.work(CONTROL_PLANE_SWEEP_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
      await sweepControlPlane({ db, workerId: me.id, isLeader, log, config: options.probes?.config });
    });
    rollupWorkId = await boss.work(PROBE_ROLLUP_QUEUE, { pollingIntervalSeconds: 10 }, async () => {
      await rollUpAndPruneProbes({ db, isLeader, log });
    });
    const probes = options.probes;
    if (probes) replicationWork = await workReplicationJobs(boss, { db, config: probes.config, isLeader, log });
    if (probes) {
      const registry = createStepRegistry(db, probes.config, options.runbooks?.stepOptions);
      replicationWork.push(await workRunbookJobs(boss, { db, registry, isLeader, log, leaseMs: options.runbooks?.leaseMs }));
      runbookDispatch = startRunbookDispatch(boss, { db, isLeader, log, intervalMs: options.runbooks?.dispatchIntervalMs });
      replicationWork.push(await workCostJobs(boss, { db, config: probes.config, isLeader, log, caPem: options.runbooks?.stepOptions?.caPem }));
    }
    if (probes) {
      probeLoop = startProbeLoop({
        intervalMs: probes.intervalMs ?? probes.config.schedules.probeIntervalSeconds * 1000,
        isLeader,
        runCycle: () => runProbeCycle(probes.config, { timeoutMs: probes.timeoutMs }),
        record: async (cycle) => {
          await recordProbeSamples(db, cycle.cycleId, cycle.results);
        },
        afterProbeCycle: options.afterProbeCycle,
        log,
      });
    }
  }

  async function stopLeaderDuties(): Promise<void> {
    const id = sweepWorkId;
    const rollupId = rollupWorkId;
    sweepWorkId = undefined;
    rollupWorkId = undefined;
    if (probeLoop) probesDraining = probeLoop.stop();
    probeLoop = undefined;
    await runbookDispatch?.stop();
    runbookDispatch = undefined;
    // Not waiting for running handlers: each re-checks leadership at the moment it acts.
    if (id) await boss.offWork(CONTROL_PLANE_SWEEP_QUEUE, { id, wait: false }).catch(() => undefined);
    if (rollupId) await boss.offWork(PROBE_ROLLUP_QUEUE, { id: rollupId, wait: false }).catch(() => undefined);
    for (const work of replicationWork.splice(0)) await boss.offWork(work.queue, { id: work.id, wait: false }).catch(() => undefined);
  }

  async function recordLoss(reason: LostLeadershipReason): Promise<void> {
    await markLostLeadership(db, me, reason).catch((error: unknown) =>
      log(`could not record losing leadership (${reason}): ${message(error)}`),
    );
  }

  async function loseLeadership(reason: LostLeadershipReason, detail: string): Promise<void> {
    if (!leading) return;
    leading = false;
    competeAfter = Number.POSITIVE_INFINITY;
    try {
      await stopLeaderDuties();
      await recordLoss(reason);
    } finally {
      standAside();
    }
    log(`lost leadership (${reason}): ${detail}`);
  }

  /**
   * Not competing while duties stop, then for two election ticks from the moment the lock is free, so
   * a follower's tick always comes first however long stopping took.
   */
  function standAside(): void {
    competeAfter = Date.now() + 2 * electionMs;
  }

  /** Record first, then release, so no successor's election lands before this worker's exit. */
  async function handOver(reason: 'stepped-down' | 'shutdown'): Promise<void> {
    if (!leading) return;
    leading = false;
    competeAfter = Number.POSITIVE_INFINITY;
    try {
      await stopLeaderDuties();
      await recordLoss(reason);
      await lock.release();
    } finally {
      standAside();
    }
  }

  async function elect(): Promise<void> {
    if (stopping) return;
    if (leading) {
      // A failed check fires onLost, which records the loss.
      await lock.check();
      return;
    }
    if (Date.now() < competeAfter) return;
    if (!(await lock.tryAcquire())) return;
    try {
      await markLeader(db, me);
    } catch (error) {
      await lock.release();
      throw error;
    }
    leading = true;
    if (!lock.isHeld()) return loseLeadership('lost-connection', 'lock connection died while taking office');
    await startLeaderDuties();
    log(`elected leader (${me.region})`);
  }

  async function beat(): Promise<void> {
    if (stopping) return;
    const heartbeat = await recordHeartbeat(db, me.id);
    if (heartbeat.stepDownRequested && leading) {
      await handOver('stepped-down');
      log(`stepped down on request; not competing for ${2 * electionMs} ms`);
    }
  }

  // A failing loop logs once when it starts failing and once when it recovers, not on every tick.
  function every(name: string, ms: number, task: () => Promise<void>): void {
    let failing: string | undefined;
    const tick = async () => {
      timers.delete(timer);
      try {
        await serial(task);
        if (failing) log(`${name} recovered`);
        failing = undefined;
      } catch (error) {
        if (failing !== message(error)) log(`${name} failed: ${message(error)}`);
        failing = message(error);
      }
      if (!stopping) {
        timer = setTimeout(tick, ms);
        timers.add(timer);
      }
    };
    let timer = setTimeout(tick, 0);
    timers.add(timer);
  }

  every('election', electionMs, elect);
  every('heartbeat', heartbeatMs, beat);

  let stopped: Promise<void> | undefined;
  return {
    id: me.id,
    isLeader,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        await serial(async () => {
          const wasLeading = leading;
          await handOver('shutdown');
          if (wasLeading) log('released leadership for shutdown');
          await lock.close();
          await markWorkerStopped(db, me.id).catch((error: unknown) => log(`could not mark worker stopped: ${message(error)}`));
          await boss.stop({ graceful: true, timeout: 10_000 }).catch((error: unknown) => log(`pg-boss stop: ${message(error)}`));
          await probesDraining;
          await db.$disconnect();
        });
        log('stopped');
      })();
      return stopped;
    },
  };
}
