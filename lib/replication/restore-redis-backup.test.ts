import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreRedisBackup } from './restore-redis-backup';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-redis-restore-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('restoreRedisBackup', () => {
  it('places the RDB as the AOF base file with a one-line manifest, replacing older AOF files', async () => {
    const dataDir = path.join(dir, 'replace');
    await mkdir(path.join(dataDir, 'appendonlydir'), { recursive: true });
    await writeFile(path.join(dataDir, 'appendonlydir', 'appendonly.aof.7.incr.aof'), 'old');
    expect(await restoreRedisBackup(Readable.from([Buffer.from('REDIS0010'), Buffer.from('rest')]), dataDir)).toEqual({ bytes: 13 });
    expect(await readFile(path.join(dataDir, 'appendonlydir', 'appendonly.aof.1.base.rdb'), 'utf8')).toBe('REDIS0010rest');
    expect(await readFile(path.join(dataDir, 'appendonlydir', 'appendonly.aof.manifest'), 'utf8')).toBe('file appendonly.aof.1.base.rdb seq 1 type b\n');
    await expect(readFile(path.join(dataDir, 'appendonlydir', 'appendonly.aof.7.incr.aof'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a dir whose redis.pid names a running process', async () => {
    const dataDir = path.join(dir, 'running');
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'redis.pid'), `${process.pid}\n`);
    await expect(restoreRedisBackup(Readable.from([Buffer.from('REDIS')]), dataDir)).rejects.toThrow(/still running/);
  });

  it('keeps the old data when the transfer fails part-way', async () => {
    const dataDir = path.join(dir, 'broken');
    await mkdir(path.join(dataDir, 'appendonlydir'), { recursive: true });
    await writeFile(path.join(dataDir, 'appendonlydir', 'appendonly.aof.manifest'), 'previous');
    const failing = new Readable({ read() {} });
    failing.push(Buffer.from('REDIS'));
    setTimeout(() => failing.destroy(new Error('blob connection reset')), 20);
    await expect(restoreRedisBackup(failing, dataDir)).rejects.toThrow(/connection reset/);
    expect(await readFile(path.join(dataDir, 'appendonlydir', 'appendonly.aof.manifest'), 'utf8')).toBe('previous');
  });

  it('keeps the old data when the transfer breaks before the copy begins, without an unhandled error', async () => {
    const dataDir = path.join(dir, 'broken-early');
    await mkdir(path.join(dataDir, 'appendonlydir'), { recursive: true });
    await writeFile(path.join(dataDir, 'appendonlydir', 'appendonly.aof.manifest'), 'previous');
    const failing = new Readable({ read() {} });
    const restoring = restoreRedisBackup(failing, dataDir);
    failing.destroy(new Error('blob connection reset'));
    await expect(restoring).rejects.toThrow(/connection reset/);
    expect(await readFile(path.join(dataDir, 'appendonlydir', 'appendonly.aof.manifest'), 'utf8')).toBe('previous');
  });
});
