import fs from 'node:fs';
import { labFiles, labStateDir } from '../lab-paths';
import { fetchLabStatus, postToLab } from './lab-client';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return !alive(pid);
}

/** Stops the lab and everything it started; returns the supervisor pid it stopped, or null if none ran. */
export async function labDown(): Promise<number | null> {
  const files = labFiles(labStateDir());
  const status = await fetchLabStatus();
  const pid = status?.pid ?? (fs.existsSync(files.pid) ? Number(fs.readFileSync(files.pid, 'utf8')) : null);
  if (!pid || !alive(pid)) {
    fs.rmSync(files.pid, { force: true });
    return null;
  }
  if (status) await postToLab('/shutdown').catch(() => undefined);
  else process.kill(pid, 'SIGTERM');
  if (!(await waitGone(pid, 20_000))) {
    // The supervisor leads its own process group: take Azurite and redis-server down with it.
    process.kill(-pid, 'SIGKILL');
    await waitGone(pid, 5_000);
  }
  fs.rmSync(files.pid, { force: true });
  return pid;
}
