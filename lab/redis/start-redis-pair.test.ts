import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../shared/find-free-port';
import { pingRedis } from './ping-redis';
import { findRedisServer, startRedisNode } from './start-redis-node';
import { startRedisPair, type RedisPair } from './start-redis-pair';
import { connectErrorCode } from '../shared/testing/connect-error-code';
import { isProcessAlive, runMainScript, waitUntilGone } from '../shared/testing/run-main-script';

let stateDir: string;
let pair: RedisPair | undefined;
const clients: Redis[] = [];

const connect = (url: string) => {
  // No reconnect and no offline queue: a stopped server must show up as an error, not a wait.
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => undefined); // failures surface through the awaited commands
  clients.push(client);
  return client;
};

/** Pids of running redis-server processes on `port` (Redis retitles itself `<argv0> 127.0.0.1:<port>`). */
async function redisProcessesOn(port: number): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const title = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (title.split('\0')[0]?.includes('redis-server') && title.includes(`:${port}\0`)) found.push(Number(entry));
  }
  return found;
}

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-redis-'));
  pair = await startRedisPair({ stateDir, primaryPort: await findFreePort(), secondaryPort: await findFreePort() });
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await pair?.stop();
  await rm(stateDir, { recursive: true, force: true });
});

describe('startRedisPair', () => {
  it('runs two separate redis-server processes with AOF on, each answering ioredis', async () => {
    if (!pair) throw new Error('pair not started');
    expect(pair.primary.pid()).not.toBe(pair.secondary.pid());
    const primary = connect(pair.primary.url);
    const secondary = connect(pair.secondary.url);
    await Promise.all([primary.connect(), secondary.connect()]);
    await primary.set('region', 'canadacentral');
    await secondary.set('region', 'canadaeast');
    expect(await primary.get('region')).toBe('canadacentral');
    expect(await secondary.get('region')).toBe('canadaeast');
    for (const client of [primary, secondary]) {
      expect(await client.info('persistence')).toMatch(/aof_enabled:1/);
      expect(await client.config('GET', 'save')).toEqual(['save', '']);
    }
    expect(pair.secondary.dataDir).not.toBe(pair.primary.dataDir);
  });

  it('keeps data written before setDown(true) when the node comes back (AOF)', async () => {
    if (!pair) throw new Error('pair not started');
    const node = pair.primary;
    const writer = connect(node.url);
    await writer.connect();
    const pipeline = writer.pipeline();
    for (let i = 0; i < 2000; i += 1) pipeline.set(`doc:${i}`, `value-${i}`);
    pipeline.hset('session:alice', { role: 'Approver', region: 'canadacentral' });
    await pipeline.exec();
    const pidBefore = node.pid();
    if (pidBefore === undefined) throw new Error('no pid');

    await node.setDown(true);
    expect(node.isDown()).toBe(true);
    expect(node.pid()).toBeUndefined();
    expect(isProcessAlive(pidBefore)).toBe(false);
    expect(await connectErrorCode(node.url)).toBe('ECONNREFUSED');

    await node.setDown(false);
    expect(node.isDown()).toBe(false);
    expect(node.pid()).not.toBe(pidBefore);
    const reader = connect(node.url);
    await reader.connect();
    expect(await reader.get('doc:1999')).toBe('value-1999');
    expect(await reader.hgetall('session:alice')).toEqual({ role: 'Approver', region: 'canadacentral' });
    expect(await reader.get('region')).toBe('canadacentral');
    expect(await reader.dbsize()).toBe(2002);
  });

  it('leaves no redis-server of the pair running after stop', async () => {
    const dir = path.join(stateDir, 'stop-check');
    const ports = [await findFreePort(), await findFreePort()] as const;
    const own = await startRedisPair({ stateDir: dir, primaryPort: ports[0], secondaryPort: ports[1] });
    const pids = [own.primary.pid(), own.secondary.pid()];
    expect(pids.every((pid) => pid !== undefined && isProcessAlive(pid))).toBe(true);
    expect(await redisProcessesOn(ports[0])).toEqual([pids[0]]);
    await own.stop();
    for (const pid of pids) expect(isProcessAlive(pid ?? -1)).toBe(false);
    expect([...(await redisProcessesOn(ports[0])), ...(await redisProcessesOn(ports[1]))]).toEqual([]);
  });

  it('takes its redis-server processes down with it when its own process is killed', async () => {
    const ports = [await findFreePort(), await findFreePort()];
    const { child, ready } = runMainScript('lab/redis/main.ts', {
      LIFEBOAT_LAB_STATE_DIR: path.join(stateDir, 'orphan-check'),
      LIFEBOAT_REDIS_PRIMARY_PORT: String(ports[0]),
      LIFEBOAT_REDIS_SECONDARY_PORT: String(ports[1]),
    });
    const started = (await ready) as { primary: { pid: number }; secondary: { pid: number } };
    expect(isProcessAlive(started.primary.pid)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitUntilGone(started.primary.pid)).toBe(true);
    expect(await waitUntilGone(started.secondary.pid)).toBe(true);
  });

  it('stops a redis-server left behind on its port by an earlier run before starting its own', async () => {
    const dataDir = path.join(stateDir, 'stale');
    const port = await findFreePort();
    await mkdir(dataDir, { recursive: true });
    const stray = spawn(findRedisServer(), ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--save', '', '--pidfile', path.join(dataDir, 'redis.pid')], { detached: true, stdio: 'ignore' });
    try {
      while (!(await pingRedis(port))) await new Promise((resolve) => setTimeout(resolve, 50));
      const node = await startRedisNode({ name: 'redis-stale', port, dataDir });
      expect(isProcessAlive(stray.pid ?? -1)).toBe(false);
      expect(node.pid()).not.toBe(stray.pid);
      await node.stop();
    } finally {
      if (stray.exitCode === null && stray.signalCode === null) stray.kill('SIGKILL');
    }
  });

  it('names the Debian package when redis-server is not on PATH', async () => {
    const saved = process.env.PATH;
    process.env.PATH = path.join(stateDir, 'empty-bin');
    try {
      await expect(startRedisNode({ name: 'redis-x', port: 1, dataDir: path.join(stateDir, 'x') })).rejects.toThrow(/apt-get install -y redis-server/);
    } finally {
      process.env.PATH = saved;
    }
  });
});
