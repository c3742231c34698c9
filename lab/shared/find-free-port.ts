import net from 'node:net';

// Below Linux's ephemeral range (32768+), where outgoing connections and port-0 servers take ports
// the moment after the OS called them free. Each vitest worker gets a slice of its own.
const FIRST_PORT = 20_000;
const SLICE = 400;
const SLICES = 30;

let cursor: number | undefined;

function sliceStart(): number {
  const pool = Number(process.env.VITEST_POOL_ID);
  const slot = Number.isInteger(pool) && pool > 0 ? pool - 1 : process.pid;
  return FIRST_PORT + (slot % SLICES) * SLICE;
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function askTheOs(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/**
 * A loopback TCP port free right now, for servers that cannot listen on port 0 themselves: the next
 * free one of this process's slice (so parallel test workers never hand out the same port), else the OS's pick.
 */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  const start = sliceStart();
  for (let tries = 0; tries < SLICE; tries += 1) {
    const port = cursor === undefined || cursor < start || cursor >= start + SLICE ? start : cursor;
    cursor = start + ((port - start + 1) % SLICE);
    if (await canListen(port, host)) return port;
  }
  return askTheOs(host);
}
