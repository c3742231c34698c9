import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureLabCertificate } from '../../tls/ensure-lab-certificate';
import { startArmEmulator, type ArmEmulator, type ArmEmulatorOptions } from '../start-arm-emulator';

export type TestArm = {
  arm: ArmEmulator;
  /** The lab certificate (PEM): SDK clients trust it through their `tlsOptions: { ca }` option. */
  ca: string;
  stateDir: string;
  /** Starts another emulator on the same state folder, as a restart would. */
  restart(): Promise<ArmEmulator>;
  cleanup(): Promise<void>;
};

/** An emulator on a random port with its own state folder and certificate. */
export async function startTestArm(options: Partial<Omit<ArmEmulatorOptions, 'port' | 'stateDir' | 'tls'>> = {}): Promise<TestArm> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-arm-'));
  const tls = await ensureLabCertificate(path.join(dir, 'tls'));
  const stateDir = path.join(dir, 'state');
  const start = () => startArmEmulator({ port: 0, stateDir, tls, lroDelayMs: 300, nodeDelayMs: 400, ...options });
  let arm = await start();
  return {
    get arm() {
      return arm;
    },
    ca: await readFile(tls.certPath, 'utf8'),
    stateDir,
    restart: async () => {
      await arm.stop();
      arm = await start();
      return arm;
    },
    cleanup: async () => {
      await arm.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
