import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { Readable } from 'node:stream';

export type RdbMaster = {
  port: number;
  /** Resolves with the bytes sent once the whole RDB went out; rejects if the transfer broke or was refused. */
  sent: Promise<number>;
  close(): Promise<void>;
};

export type ServeRdbOptions = {
  rdb: Readable;
  size: number;
  host: string;
  /** Asked once all but the last bytes went out: a refusal reason aborts the transfer, so the replica keeps its data. */
  approveLastBytes: (bytesSoFar: number) => Promise<string | null>;
};

const HOLD_BACK = 64;

/** RESP commands from the replica, inline or multi-bulk; only the command names matter here. */
function commandNames(buffer: Buffer): { names: string[]; rest: Buffer } {
  const names: string[] = [];
  let rest = buffer;
  for (;;) {
    const text = rest.toString('latin1');
    if (text.startsWith('*')) {
      const match = /^\*(\d+)\r\n/.exec(text);
      if (!match) break;
      let offset = match[0].length;
      const parts: string[] = [];
      for (let i = 0; i < Number(match[1]); i += 1) {
        const bulk = /^\$(\d+)\r\n/.exec(text.slice(offset));
        if (!bulk || text.length < offset + bulk[0].length + Number(bulk[1]) + 2) return { names, rest };
        offset += bulk[0].length;
        parts.push(text.slice(offset, offset + Number(bulk[1])));
        offset += Number(bulk[1]) + 2;
      }
      names.push((parts[0] ?? '').toUpperCase());
      rest = rest.subarray(offset);
    } else {
      const end = text.indexOf('\n');
      if (end < 0) break;
      const line = text.slice(0, end).trim();
      if (line) names.push((line.split(/\s+/)[0] ?? '').toUpperCase());
      rest = rest.subarray(end + 1);
    }
  }
  return { names, rest };
}

/**
 * A one-shot Redis master whose whole dataset is the given RDB: a replica told `REPLICAOF host port`
 * does a full resync from it. The last bytes wait for `approveLastBytes` (the checksum), so a bad
 * backup breaks the transfer and the replica, which loads only a complete RDB, keeps what it had.
 */
export async function serveRdbAsMaster(options: ServeRdbOptions): Promise<RdbMaster> {
  let settle: { resolve: (bytes: number) => void; reject: (error: Error) => void } | undefined;
  const sent = new Promise<number>((resolve, reject) => (settle = { resolve, reject }));
  sent.catch(() => undefined);
  const sockets = new Set<net.Socket>();
  let started = false;

  const transfer = async (socket: net.Socket) => {
    socket.write(`$${options.size}\r\n`);
    let bytes = 0;
    let held: Buffer = Buffer.alloc(0);
    for await (const chunk of options.rdb as AsyncIterable<Buffer>) {
      const combined = held.length === 0 ? chunk : Buffer.concat([held, chunk]);
      const keep = Math.min(HOLD_BACK, combined.length);
      const out = combined.subarray(0, combined.length - keep);
      held = Buffer.from(combined.subarray(combined.length - keep));
      if (out.length > 0 && !socket.write(out)) await new Promise<void>((resolve) => socket.once('drain', resolve));
      bytes += out.length;
      if (socket.destroyed) throw new Error(`the replica disconnected after ${bytes} bytes`);
    }
    if (bytes + held.length !== options.size) throw new Error(`the backup has ${bytes + held.length} bytes, the manifest says ${options.size}`);
    const refusal = await options.approveLastBytes(bytes + held.length);
    if (refusal !== null) throw new Error(refusal);
    socket.write(held);
    return bytes + held.length;
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      const parsed = commandNames(Buffer.concat([pending, data]));
      pending = parsed.rest;
      for (const name of parsed.names) {
        if (name === 'PING') socket.write('+PONG\r\n');
        else if (name === 'AUTH' || name === 'REPLCONF') {
          if (!started) socket.write('+OK\r\n'); // REPLCONF ACKs after the sync get no reply, as from a real master
        } else if (name === 'PSYNC' || name === 'SYNC') {
          if (started) {
            socket.write('-ERR this one-shot master already served its RDB\r\n');
            continue;
          }
          started = true;
          if (name === 'PSYNC') socket.write(`+FULLRESYNC ${randomBytes(20).toString('hex')} 0\r\n`);
          transfer(socket).then(
            (bytes) => settle?.resolve(bytes),
            (error: unknown) => {
              socket.destroy();
              options.rdb.destroy();
              settle?.reject(error instanceof Error ? error : new Error(String(error)));
            },
          );
        } else socket.write(`-ERR unknown command '${name}'\r\n`);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the RDB master has no TCP port');
  return {
    port: address.port,
    sent,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      options.rdb.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
