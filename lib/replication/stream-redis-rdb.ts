import net from 'node:net';
import { Readable } from 'node:stream';
import tls from 'node:tls';

export type RedisRdbSource = { url: string; password?: string; idleTimeoutMs?: number };

const EOF_MARK_LENGTH = 40;

function encodeCommand(args: readonly string[]): string {
  return `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;
}

function connect(url: URL, idleTimeoutMs: number): net.Socket {
  const port = Number(url.port || 6379);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const socket = url.protocol === 'rediss:' ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
  socket.setTimeout(idleTimeoutMs, () => socket.destroy(new Error(`no data from ${url.host} for ${idleTimeoutMs} ms`)));
  return socket;
}

/**
 * A point-in-time RDB of the server at `url`, read over the replication protocol as `redis-cli --rdb`
 * does (SYNC, rdb-only). Raw socket rather than redis-cli: redis-cli 7.0 writing to stdout leaves the
 * 40-byte EOF mark of a diskless transfer in the output. Errors if the transfer ends early.
 */
export function streamRedisRdb(source: RedisRdbSource): Readable {
  const url = new URL(source.url);
  const username = decodeURIComponent(url.username);
  const password = source.password ?? (url.password ? decodeURIComponent(url.password) : undefined);

  async function* transfer(): AsyncGenerator<Buffer> {
    const socket = connect(url, source.idleTimeoutMs ?? 60_000);
    let done = false;
    // One command at a time: Redis refuses SYNC while replies to earlier commands are still pending.
    const steps: Array<{ args: string[]; optional: boolean }> = [];
    if (password !== undefined) steps.push({ args: username ? ['AUTH', username, password] : ['AUTH', password], optional: false });
    // rdb-only (Redis 7+) stops the master from streaming commands after the RDB; older servers refuse it harmlessly.
    steps.push({ args: ['REPLCONF', 'capa', 'eof'], optional: false }, { args: ['REPLCONF', 'rdb-only', '1'], optional: true }, { args: ['SYNC'], optional: false });
    const replies: Array<{ command: string; optional: boolean }> = [];
    const sendNext = () => {
      const step = steps.shift();
      if (!step) return;
      socket.write(encodeCommand(step.args));
      if (step.args[0] !== 'SYNC') replies.push({ command: step.args[0] === 'AUTH' ? 'AUTH' : step.args.slice(0, 2).join(' '), optional: step.optional }) // never echo the password;
    };
    sendNext();
    try {
      let pending = Buffer.alloc(0);
      let header: { eofMark: Buffer } | { remaining: number } | undefined;
      let tail = Buffer.alloc(0);
      let received = 0;
      for await (const chunk of socket as AsyncIterable<Buffer>) {
        if (!header) {
          pending = Buffer.concat([pending, chunk]);
          // Replies to the handshake, then newlines (keepalives while the master forks), then the bulk header.
          for (;;) {
            while (replies.length === 0 && pending[0] === 0x0a) pending = pending.subarray(1);
            const end = pending.indexOf('\r\n');
            if (end < 0) break;
            const line = pending.subarray(0, end).toString('latin1');
            pending = pending.subarray(end + 2);
            const reply = replies.shift();
            if (reply) {
              if (line.startsWith('-') && !reply.optional) throw new Error(`${reply.command} refused: ${line.slice(1)}`);
              sendNext();
              continue;
            }
            if (line.startsWith('-')) throw new Error(`SYNC refused: ${line.slice(1)}`);
            if (line.startsWith('$EOF:')) header = { eofMark: Buffer.from(line.slice(5), 'latin1') };
            else if (/^\$\d+$/.test(line)) header = { remaining: Number(line.slice(1)) };
            else throw new Error(`unexpected SYNC reply: ${line.slice(0, 80)}`);
            break;
          }
          if (!header) continue;
          if ('eofMark' in header && header.eofMark.length !== EOF_MARK_LENGTH) throw new Error('SYNC reply has a malformed EOF mark');
          const rest = pending;
          pending = Buffer.alloc(0);
          if (rest.length === 0) continue;
          yield* emit(rest);
        } else {
          yield* emit(chunk);
        }
        if (done) return;
      }
      throw new Error(`connection closed after ${received} bytes of the RDB, before the transfer finished`);

      function* emit(data: Buffer): Generator<Buffer> {
        if (!header) return;
        if ('remaining' in header) {
          const take = data.subarray(0, header.remaining);
          header.remaining -= take.length;
          received += take.length;
          if (header.remaining === 0) done = true;
          if (take.length > 0) yield take;
          return;
        }
        // Diskless transfer: the RDB ends with the 40-byte mark, so hold back the last 40 bytes until more arrive.
        const combined = Buffer.concat([tail, data]);
        if (combined.length >= EOF_MARK_LENGTH && combined.subarray(combined.length - EOF_MARK_LENGTH).equals(header.eofMark)) {
          done = true;
          const body = combined.subarray(0, combined.length - EOF_MARK_LENGTH);
          received += body.length;
          if (body.length > 0) yield body;
          return;
        }
        const keep = Math.min(EOF_MARK_LENGTH, combined.length);
        const body = combined.subarray(0, combined.length - keep);
        tail = Buffer.from(combined.subarray(combined.length - keep));
        received += body.length;
        if (body.length > 0) yield body;
      }
    } finally {
      socket.destroy();
    }
  }
  return Readable.from(transfer(), { objectMode: false });
}
