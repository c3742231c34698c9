import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../shared/find-free-port';

/** Azurite's well-known development account (public, documented by Microsoft). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export type TestAzurite = { blobUrl: string; stop(): Promise<void> };


async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`azurite-blob exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`azurite-blob did not listen on ${port} within ${timeoutMs} ms`);
}

/** A throwaway Azurite blob service for one test file (the lab's own manager lives in lab/blob). */
export async function startTestAzurite(): Promise<TestAzurite> {
  const location = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-azurite-'));
  const port = await findFreePort();
  const binary = path.resolve('node_modules', '.bin', 'azurite-blob');
  const child = spawn(
    binary,
    ['--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', location, '--skipApiVersionCheck', '--disableTelemetry', '--silent'],
    { cwd: location, stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(location, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, 20_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { blobUrl: `http://127.0.0.1:${port}/${DEV_ACCOUNT}`, stop };
}
