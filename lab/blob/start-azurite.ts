import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findFreePort } from '../shared/find-free-port';
import { readLogTail } from '../shared/read-log-tail';
import { spawnTiedToParent } from '../shared/spawn-tied-to-parent';
import { hasExited, stopChildProcess } from '../shared/stop-child-process';

export type RunningAzurite = { url: string; host: string; port: number; pid: number; location: string; stop(): Promise<void> };

/** The azurite-blob entry point of the installed package (what node_modules/.bin/azurite-blob links to). */
function azuriteBlobMain(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('azurite/package.json');
  return path.join(path.dirname(packageJson), 'dist', 'src', 'blob', 'main.js');
}

/** Any HTTP answer (an unauthenticated request gets 403) means Azurite is listening. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/', agent: false, timeout: 1000 }, (response) => {
      response.resume();
      resolve(true);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

/**
 * Starts Azurite's Blob service as a child process on a free loopback port, data under
 * `location`; it is tied to this process (dies with it) and logs to `<location>/azurite.log`.
 */
export async function startAzurite(options: { location: string; startTimeoutMs?: number }): Promise<RunningAzurite> {
  const location = path.resolve(options.location);
  await mkdir(location, { recursive: true });
  const port = await findFreePort();
  const logFile = path.join(location, 'azurite.log');
  const args = [azuriteBlobMain(), '--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', location, '--skipApiVersionCheck', '--disableTelemetry', '--silent'];
  const logFd = openSync(logFile, 'a');
  const child: ChildProcess = spawnTiedToParent(process.execPath, args, { cwd: location, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (!(await answers(port))) {
    if (spawnError || hasExited(child) || Date.now() > deadline) {
      await stopChildProcess(child, 2000);
      throw new Error(`Azurite did not start on 127.0.0.1:${port}\n${spawnError?.message ?? (await readLogTail(logFile))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (child.pid === undefined) throw new Error('Azurite started without a pid');
  return { url: `http://127.0.0.1:${port}`, host: '127.0.0.1', port, pid: child.pid, location, stop: () => stopChildProcess(child) };
}
