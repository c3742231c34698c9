import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { labFiles, labStateDir } from '../lab-paths';
import type { LabStatus } from '../supervisor/lab-status';
import { fetchLabStatus } from './lab-client';

export type LabUp = { status: LabStatus; startedHere: boolean; seconds: number };

function tail(file: string, lines: number): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
}

/** Starts the lab supervisor in the background (or finds it running) and waits until every service is up and seeded. */
export async function labUp(timeoutMs = 90_000): Promise<LabUp> {
  const started = Date.now();
  const running = await fetchLabStatus();
  if (running?.ready) return { status: running, startedHere: false, seconds: 0 };
  const dir = labStateDir();
  const files = labFiles(dir);
  fs.mkdirSync(dir, { recursive: true });
  const logFd = fs.openSync(files.log, 'a');
  // Detached, with its output in lab.log: the lab outlives this command, as `up` promises.
  const child = spawn(process.execPath, ['--import', 'tsx', 'lab/supervisor/main.ts'], { detached: true, stdio: ['ignore', logFd, logFd], env: process.env });
  child.unref();
  fs.closeSync(logFd);
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? 1));
  while (Date.now() - started < timeoutMs) {
    if (exited !== null) throw new Error(`the lab stopped while starting (exit ${exited}); last lines of ${files.log}:\n${tail(files.log, 30)}`);
    const status = await fetchLabStatus();
    if (status?.ready) return { status, startedHere: true, seconds: (Date.now() - started) / 1000 };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the lab was not ready within ${timeoutMs / 1000} s; see ${files.log}:\n${tail(files.log, 30)}`);
}
