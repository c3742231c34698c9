import { readFile, rm } from 'node:fs/promises';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Stops a redis-server left behind on `port` by an earlier run (its pidfile names it). Only a
 * process whose title is that redis-server (`redis-server 127.0.0.1:<port>`) is signalled.
 */
export async function stopStaleRedis(pidFile: string, port: number): Promise<void> {
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const title = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!title.includes('redis-server') || !new RegExp(`:${port}(\\0|\\s|$)`).test(title)) return;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; isAlive(pid) && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(pidFile, { force: true });
}
