import { spawn } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';

export type ScratchRedis = { client: Redis; pid: number | undefined; stop(): Promise<void> };

/**
 * A throwaway redis-server on `dataDir` with AOF on, listening only on a unix socket in that dir
 * (no TCP port to race for), ready once loading finishes. stop() kills it without saving.
 */
export async function startScratchRedis(dataDir: string, timeoutMs = 60_000): Promise<ScratchRedis> {
  const socketPath = path.join(dataDir, 'redis.sock');
  const child = spawn('redis-server', ['--port', '0', '--unixsocket', socketPath, '--dir', dataDir, '--appendonly', 'yes', '--save', '', '--daemonize', 'no', '--logfile', path.join(dataDir, 'redis.log')], { stdio: 'ignore' });
  let exit: string | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', (code, signal) => ((exit = `exited (${signal ?? code})`), resolve())));
  child.once('error', (error) => (exit = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'redis-server is not on PATH (apt-get install -y redis-server)' : error.message));
  const client = new Redis({ path: socketPath, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined); // failures surface through awaited commands
  const stop = async () => {
    client.disconnect();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exit) throw new Error(`scratch redis-server ${exit}`);
      // PING answers -LOADING while the RDB loads: ready means PONG.
      const ready = await (client.status === 'ready' ? client.ping() : client.connect().then(() => client.ping())).then(
        (reply) => reply === 'PONG',
        () => false,
      );
      if (ready) return { client, pid: child.pid, stop };
      if (Date.now() > deadline) throw new Error(`scratch redis-server not ready after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
