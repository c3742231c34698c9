import type { ChildProcess } from 'node:child_process';

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM (servers flush their data on it), SIGKILL after `graceMs`; resolves once the process is reaped. */
export async function stopChildProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.pid === undefined || hasExited(child)) return; // never started, or already reaped
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
