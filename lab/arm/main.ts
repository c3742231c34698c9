// `npx tsx lab/arm/main.ts`: the lab's ARM emulator on its own, until Ctrl+C.
// Prints one line `READY {json}` (url, CA certificate, state file) once it listens.
import path from 'node:path';
import { z } from 'zod';
import { getConfig } from '@/lib/config/get-config';
import { ensureLabCertificate } from '../tls/ensure-lab-certificate';
import { startArmEmulator } from './start-arm-emulator';

const Environment = z.object({
  LIFEBOAT_LAB_STATE_DIR: z.string().min(1).default(path.join('lab', '.state')),
  /** Default: the port of frontDoor.armEndpoint in the configuration (8443 in config/lab.yaml). */
  LIFEBOAT_ARM_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LIFEBOAT_ARM_LRO_DELAY_MS: z.coerce.number().int().min(0).optional(),
  LIFEBOAT_ARM_NODE_DELAY_MS: z.coerce.number().int().min(0).optional(),
  LIFEBOAT_ARM_PROBE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(255).optional(),
});

async function main(): Promise<void> {
  const env = Environment.parse(process.env);
  const armEndpoint = new URL(getConfig().components.frontDoor.armEndpoint);
  const stateDir = path.resolve(env.LIFEBOAT_LAB_STATE_DIR);
  const tls = await ensureLabCertificate(path.join(stateDir, 'tls'));
  const arm = await startArmEmulator({
    port: env.LIFEBOAT_ARM_PORT ?? Number(armEndpoint.port || 443),
    stateDir: path.join(stateDir, 'arm'),
    tls,
    lroDelayMs: env.LIFEBOAT_ARM_LRO_DELAY_MS,
    nodeDelayMs: env.LIFEBOAT_ARM_NODE_DELAY_MS,
    probeIntervalSeconds: env.LIFEBOAT_ARM_PROBE_INTERVAL_SECONDS,
  });
  const stop = () => void arm.stop().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('disconnect', stop); // started over IPC: go when the parent goes
  console.log(`READY ${JSON.stringify({ url: arm.url, caCertificate: tls.certPath, state: path.join(stateDir, 'arm', 'arm-state.json'), activeOriginGroup: arm.frontDoor.activeOriginGroup().name })}`);
}

main().catch((error: unknown) => {
  console.error(`lab ARM emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
