import http from 'node:http';
import https from 'node:https';
import fs from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

/** A lab service's HTTP(S) listener with the fault switches every emulator shares. */
export type LabHttpServer = {
  url: string;
  port: number;
  /** Down = the port refuses connections (as when a VM or pod is gone); up again on the same port. */
  setDown(down: boolean): Promise<void>;
  isDown(): boolean;
  /** Added delay before every request is handled. */
  setLatency(ms: number): void;
  stop(): Promise<void>;
};

export type LabHttpServerOptions = {
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** https with the lab certificate (see lab/tls); plain http otherwise. */
  tls?: { certPath: string; keyPath: string };
  /** Host name used in `url` (https needs `localhost` to match the certificate). */
  urlHost?: string;
  handler: RequestHandler;
};

function sendUnhandled(res: http.ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, { 'content-type': 'text/plain' });
  res.end(`lab server error: ${error instanceof Error ? error.message : String(error)}`);
}

export async function startLabHttpServer(options: LabHttpServerOptions): Promise<LabHttpServer> {
  const host = options.host ?? '127.0.0.1';
  let latencyMs = 0;
  let down = false;
  const sockets = new Set<Socket>();
  const listener: http.RequestListener = (req, res) => {
    const run = () => Promise.resolve(options.handler(req, res)).catch((error: unknown) => sendUnhandled(res, error));
    if (latencyMs > 0) setTimeout(run, latencyMs);
    else void run();
  };
  const make = () => {
    const server = options.tls
      ? https.createServer({ cert: fs.readFileSync(options.tls.certPath), key: fs.readFileSync(options.tls.keyPath) }, listener)
      : http.createServer(listener);
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return server;
  };
  const listen = (server: http.Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
    });
  const close = (server: http.Server) =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      server.close(() => resolve());
    });

  let server = make();
  const port = await listen(server, options.port);
  const scheme = options.tls ? 'https' : 'http';
  const url = `${scheme}://${options.urlHost ?? (options.tls ? 'localhost' : host)}:${port}`;
  return {
    url,
    port,
    isDown: () => down,
    setLatency: (ms) => {
      latencyMs = Math.max(0, ms);
    },
    setDown: async (value) => {
      if (value === down) return;
      down = value;
      if (value) await close(server);
      else {
        server = make();
        await listen(server, port);
      }
    },
    stop: async () => {
      if (!down) await close(server);
      down = true;
    },
  };
}

/** Reads a request body (bounded, so a runaway client cannot exhaust the lab's memory). */
export async function readBody(req: http.IncomingMessage, limitBytes = 64 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new Error(`request body over ${limitBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
