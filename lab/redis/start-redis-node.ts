import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { findExecutable } from '../shared/find-executable';
import { pingRedis } from './ping-redis';
import { readLogTail } from '../shared/read-log-tail';
import { spawnTiedToParent } from '../shared/spawn-tied-to-parent';
import { hasExited, stopChildProcess } from '../shared/stop-child-process';
import { stopStaleRedis } from './stop-stale-redis';

export type RedisNode = {
  name: string;
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  /** The server's --dir: AOF files (appendonlydir/), pidfile, redis.log. */
  dataDir: string;
  /** Down stops the process (SIGTERM: Redis flushes its AOF first); up starts it again on the same data. */
  setDown(down: boolean): Promise<void>;
  /** True while no redis-server of this node is running, whether stopped on purpose or crashed. */
  isDown(): boolean;
  pid(): number | undefined;
  stop(): Promise<void>;
};

export type StartRedisNodeOptions = { name: string; port: number; dataDir: string; startTimeoutMs?: number };

export function findRedisServer(): string {
  const found = findExecutable('redis-server');
  if (!found) throw new Error('redis-server is not on PATH: the lab runs real Redis servers; install the Debian package (apt-get install -y redis-server).');
  return found;
}

function redisArgs(port: number, dataDir: string): string[] {
  return [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dataDir,
    '--appendonly', 'yes',
    '--appendfsync', 'everysec',
    '--save', '',
    '--daemonize', 'no',
    '--pidfile', path.join(dataDir, 'redis.pid'),
    '--logfile', path.join(dataDir, 'redis.log'),
  ];
}

/** Starts one real redis-server with AOF on, supervised as a child that dies with this process. */
export async function startRedisNode(options: StartRedisNodeOptions): Promise<RedisNode> {
  const redisServer = findRedisServer();
  const dataDir = path.resolve(options.dataDir);
  const logFile = path.join(dataDir, 'redis.log');
  await mkdir(dataDir, { recursive: true });
  await stopStaleRedis(path.join(dataDir, 'redis.pid'), options.port);
  let child: ChildProcess | undefined;

  const launch = async () => {
    // Startup errors (port taken, bad option) go to stderr before the logfile is open: keep them too.
    const logFd = openSync(logFile, 'a');
    const started = spawnTiedToParent(redisServer, redisArgs(options.port, dataDir), { cwd: dataDir, stdio: ['ignore', logFd, logFd] });
    closeSync(logFd);
    let spawnError: Error | undefined;
    started.once('error', (error) => (spawnError = error));
    child = started;
    const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
    while (!(await pingRedis(options.port))) {
      if (spawnError || hasExited(started) || Date.now() > deadline) {
        await stopChildProcess(started, 2000);
        const cause = spawnError ? spawnError.message : await readLogTail(logFile);
        throw new Error(`${options.name}: redis-server did not start on port ${options.port}\n${cause}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const isDown = () => !child || hasExited(child);
  const halt = async () => {
    if (child) await stopChildProcess(child);
  };

  await launch();
  return {
    name: options.name,
    url: `redis://127.0.0.1:${options.port}`,
    port: options.port,
    dataDir,
    isDown,
    pid: () => (isDown() ? undefined : child?.pid),
    setDown: async (down) => {
      if (down) await halt();
      else if (isDown()) await launch();
    },
    stop: halt,
  };
}
