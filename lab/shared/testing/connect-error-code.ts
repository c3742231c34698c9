import net from 'node:net';

/**
 * What a fresh TCP connection to `url`'s port meets: 'connected', or the error code (ECONNREFUSED
 * when nothing listens). Fresh on purpose: a pooled keep-alive socket would show a reset instead.
 */
export function connectErrorCode(url: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: Number(new URL(url).port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}
