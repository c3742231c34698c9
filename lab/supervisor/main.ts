// The lab supervisor: hosts every emulator in this process (Azurite and redis-server as children),
// serves the control API, and stops everything on SIGTERM. Started in the background by `npm run lab -- up`.
import fs from 'node:fs';
import { getConfig } from '@/lib/config/get-config';
import { dataDir } from '@/lib/db/database-url';
import { loadDemoSecrets } from '../demo-secrets';
import { labFiles, labStateDir } from '../lab-paths';
import { readLabTopology } from '../lab-topology';
import { describeLab } from './lab-status';
import { seedLab } from './seed-lab';
import { serveControlApi } from './serve-control-api';
import { startLab } from './start-lab';
import { writeEndpoints } from './write-endpoints';

const log = (line: string) => console.log(`${new Date().toISOString()} lab: ${line}`);

async function main(): Promise<void> {
  const stateDir = labStateDir();
  const files = labFiles(stateDir);
  const config = getConfig();
  const topology = readLabTopology(config);
  const baseUrl = process.env.LIFEBOAT_BASE_URL ?? `http://localhost:${process.env.LIFEBOAT_PORT ?? 3000}`;
  const secrets = loadDemoSecrets(dataDir());
  const startedAt = new Date().toISOString();
  const lab = await startLab({ stateDir, topology, oidc: { clientSecret: secrets.oidcClientSecret, baseUrl }, log });
  const faults: string[] = [];
  let ready = false;
  let seed: { points: number; redisKeys: number } | null = null;
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    void control
      .stop()
      .then(() => lab.stop())
      .finally(() => {
        fs.rmSync(files.pid, { force: true });
        log('stopped');
        process.exit(0);
      });
  };
  const control = await serveControlApi(topology.control, { lab, faults, status: () => describeLab(lab, { ready, startedAt, faults, seed }), shutdown });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, shutdown);
  fs.writeFileSync(files.pid, String(process.pid));
  try {
    seed = await seedLab(lab, topology.collection, log);
  } catch (error) {
    log(`seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    shutdown();
    return;
  }
  writeEndpoints(stateDir, lab, control.url);
  ready = true;
  log(`ready: ${lab.entries.length} services, ${seed.points} points and ${seed.redisKeys} Redis keys in the primary`);
}

main().catch((error: unknown) => {
  log(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
