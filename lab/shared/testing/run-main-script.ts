import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `pid` is gone; false when it still runs after `timeoutMs`. */
export async function waitUntilGone(pid: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * Runs a lab main.ts as its own node process (tsx loaded in-process, so the pid is the script's and a
 * SIGKILL hits it, not a wrapper) and resolves with the JSON of its `READY {json}` line.
 */
export function runMainScript(script: string, env: Record<string, string>): { child: ChildProcess; ready: Promise<unknown> } {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<unknown>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((candidate) => candidate.startsWith('READY '));
      if (line) resolve(JSON.parse(line.slice('READY '.length)));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before READY:\n${err}`)));
  });
  return { child, ready };
}
