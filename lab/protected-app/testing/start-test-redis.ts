import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../shared/find-free-port';

export type TestRedis = { url: string; port: number; setDown(down: boolean): Promise<void>; stop(): Promise<void> };


function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500, () => socket.destroy());
    socket.once('data', (data) => {
      resolve(data.toString().startsWith('+PONG'));
      socket.destroy();
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
  });
}

/** A throwaway `redis-server` (no persistence) on a free port, for tests; setDown kills it, setDown(false) restarts it on the same port. */
export async function startTestRedis(): Promise<TestRedis> {
  const port = await findFreePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'protected-app-redis-'));
  let child: ChildProcess | null = null;

  const launch = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    for (let i = 0; i < 100; i += 1) {
      if (await answersPing(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server did not answer on ${port}`);
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    setDown: async (down) => (down ? kill() : launch()),
    stop: async () => {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
