import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const AOF_DIR = 'appendonlydir';
const BASE_FILE = 'appendonly.aof.1.base.rdb';
const AOF_MANIFEST = 'appendonly.aof.manifest';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Refuses a dir whose redis.pid names a live process: overwriting a running server's AOF corrupts it. */
async function assertStopped(dataDir: string): Promise<void> {
  const pid = Number((await readFile(path.join(dataDir, 'redis.pid'), 'utf8').catch(() => '')).trim());
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new Error(`redis-server ${pid} is still running on ${dataDir}: stop it before restoring`);
}

/**
 * Makes `dataDir` (the --dir of a stopped redis-server with AOF on) start with exactly the given RDB:
 * Redis 7 ignores a plain dump.rdb when AOF is on, so the RDB becomes the AOF base file with a
 * hand-written manifest. Writes beside, then swaps, so a failed transfer leaves the old data in place.
 */
export async function restoreRedisBackup(rdbStream: Readable, dataDir: string): Promise<{ bytes: number }> {
  // A transfer that breaks while the staging folder is prepared would otherwise be an unhandled
  // 'error' (a crash); the stream keeps its error, and the pipeline below rejects with it.
  rdbStream.on('error', () => undefined);
  await mkdir(dataDir, { recursive: true });
  await assertStopped(dataDir);
  const staging = path.join(dataDir, `${AOF_DIR}.restoring`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  try {
    let bytes = 0;
    rdbStream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    await pipeline(rdbStream, createWriteStream(path.join(staging, BASE_FILE)));
    await writeFile(path.join(staging, AOF_MANIFEST), `file ${BASE_FILE} seq 1 type b\n`);
    await rm(path.join(dataDir, AOF_DIR), { recursive: true, force: true });
    await rm(path.join(dataDir, 'dump.rdb'), { force: true });
    await rename(staging, path.join(dataDir, AOF_DIR));
    return { bytes };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
