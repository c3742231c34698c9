import { RestError, type ContainerClient } from '@azure/storage-blob';
import { readAuditBatch } from '@/lib/db/audit/read-audit-batch';
import { readAuditEvent } from '@/lib/db/audit/read-audit-event';
import { readAuditShipment } from '@/lib/db/audit/read-audit-shipment';
import { recordAuditShipment } from '@/lib/db/audit/record-audit-shipment';
import type { Db } from '@/lib/db/client';
import { checkAuditBatch, GENESIS_HASH, type ChainedAuditEvent } from '@/lib/domain/audit-chain';
import { formatAuditJsonLine, parseAuditJsonLine } from '@/lib/domain/audit-json-line';
import { auditChainId, auditMirrorBlobName } from '@/lib/domain/audit-mirror-blob-name';
import { readLastJsonlLine } from './read-last-jsonl-line';

/** Events read per round; one Append Block carries at most one round (and at most 4 MiB). */
export const AUDIT_MIRROR_BATCH = 500;
const APPEND_BLOCK_BYTES = 4 * 1024 * 1024;

/** The mark's key in AuditShipment for a container. */
export function auditMirrorSink(container: string): string {
  return `blob:${container}`;
}

/** The mirror and the database disagree: shipping stops rather than write a gap or a duplicate. */
export class AuditMirrorError extends Error {
  override name = 'AuditMirrorError';
}

export type AuditMirrorPass = { shipped: number; adopted: number; lastSeq: bigint; blobs: string[] };

type Mark = { lastSeq: bigint; lastHash: string; blobName: string | null };
type Options = {
  sink: string;
  batchSize?: number;
  /** Checked before every round: a worker that stops leading stops shipping. */
  shouldContinue?: () => boolean;
  /** Test seam: runs between the append and recording it (a throw there is a crash at the worst moment). */
  afterAppend?: () => Promise<void>;
};

/** The longest run of events that goes to one day file and fits one Append Block. */
function takeForOneBlob(chainId: string, events: readonly ChainedAuditEvent[], previous: string | null): { name: string; lines: string[]; last: ChainedAuditEvent } {
  const name = auditMirrorBlobName(chainId, events[0]!.at, previous);
  const lines: string[] = [];
  let bytes = 0;
  let last = events[0]!;
  for (const event of events) {
    if (auditMirrorBlobName(chainId, event.at, name) !== name) break;
    const line = `${formatAuditJsonLine(event)}\n`;
    const size = Buffer.byteLength(line);
    if (size > APPEND_BLOCK_BYTES) throw new AuditMirrorError(`seq ${event.seq} is ${size} bytes, over one Append Block (4 MiB)`);
    if (bytes + size > APPEND_BLOCK_BYTES) break;
    lines.push(line);
    bytes += size;
    last = event;
  }
  return { name, lines, last };
}

/**
 * Ships new audit events, in seq order, to Append Blobs of JSON Lines (one per UTC day). Append
 * first, record second; a shipper that died in between left lines the mark does not know, so the
 * day file's last line is read before every append and adopted instead of written twice.
 */
export async function shipAuditToBlob(db: Db, container: ContainerClient, options: Options): Promise<AuditMirrorPass> {
  const pass: AuditMirrorPass = { shipped: 0, adopted: 0, lastSeq: BigInt(0), blobs: [] };
  await container.createIfNotExists();
  let chainId: string | undefined;
  while (options.shouldContinue?.() ?? true) {
    const stored = await readAuditShipment(db, options.sink);
    const mark: Mark = { lastSeq: stored?.lastSeq ?? BigInt(0), lastHash: stored?.lastHash ?? GENESIS_HASH, blobName: stored?.blobName ?? null };
    pass.lastSeq = mark.lastSeq;
    let events = await readAuditBatch(db, mark.lastSeq, options.batchSize ?? AUDIT_MIRROR_BATCH);
    if (events.length === 0) return pass;
    // The mirror must stay a verifiable chain: never ship past a break in the database's chain.
    const checked = checkAuditBatch(mark.lastHash, events);
    if ('broken' in checked) {
      events = events.slice(0, events.findIndex((event) => event.seq === checked.broken.seq));
      if (events.length === 0) throw new AuditMirrorError(`not shipping seq ${checked.broken.seq}: the database chain is broken there (${checked.broken.reason}: ${checked.broken.detail})`);
    }
    chainId ??= auditChainId((await readAuditBatch(db, BigInt(0), 1))[0]!.hash);
    const { name, lines, last } = takeForOneBlob(chainId, events, mark.blobName);
    const blob = container.getAppendBlobClient(name);
    await blob.createIfNotExists();
    const length = (await blob.getProperties()).contentLength ?? 0;
    if (length === 0 && mark.blobName === name) throw new AuditMirrorError(`${name} is empty, but events through seq ${mark.lastSeq} were shipped to it`);
    if (length > 0) {
      const tail = parseAuditJsonLine(await readLastJsonlLine(blob, length));
      if (tail.kind !== 'event') throw new AuditMirrorError(`${name}: its last line is not an audit event`);
      if (tail.event.seq > mark.lastSeq) {
        const event = await readAuditEvent(db, tail.event.seq);
        if (event?.hash !== tail.event.hash) {
          // E.g. a database restored from an older backup: the mirror holds events it lost. Keep both.
          throw new AuditMirrorError(`${name} ends with seq ${tail.event.seq}, which ${event ? 'differs from' : 'is missing in'} the database: the mirror holds events the database does not`);
        }
        if (await recordAuditShipment(db, options.sink, mark.lastSeq, { lastSeq: event.seq, lastHash: event.hash, lastAt: event.at, blobName: name })) {
          pass.adopted += events.filter((candidate) => candidate.seq <= event.seq).length;
        }
        continue;
      }
      if (tail.event.seq !== mark.lastSeq || tail.event.hash !== mark.lastHash) {
        throw new AuditMirrorError(`${name} ends with seq ${tail.event.seq}, but seq ${mark.lastSeq} was shipped last: the mirror lost or gained lines`);
      }
    }
    const body = Buffer.from(lines.join(''), 'utf8');
    try {
      // Only at the length just read: a second shipper's append in between fails here instead of interleaving.
      await blob.appendBlock(body, body.length, { conditions: { appendPosition: length } });
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 412) return pass;
      throw error;
    }
    await options.afterAppend?.();
    if (!(await recordAuditShipment(db, options.sink, mark.lastSeq, { lastSeq: last.seq, lastHash: last.hash, lastAt: last.at, blobName: name }))) return pass;
    pass.shipped += lines.length;
    pass.lastSeq = last.seq;
    if (!pass.blobs.includes(name)) pass.blobs.push(name);
  }
  return pass;
}
