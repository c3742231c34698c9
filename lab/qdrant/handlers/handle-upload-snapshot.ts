import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { readFlag, type RouteHandler } from '../qdrant-context';
import { badRequest, describeFailure, QdrantError } from '../qdrant-error';
import { SnapshotRecover } from '../qdrant-requests';
import { checkRecoveryTarget, recoverCollection } from '../recover-collection';
import { sendAccepted, sendResult } from '../send-qdrant-response';

type Received = { file: string; sha256: string; fileName?: string };

/** Streams the multipart field `snapshot` to `target` while hashing it; other fields are drained. */
function receiveSnapshot(req: IncomingMessage, target: string): Promise<Received | null> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1 } });
    } catch (error) {
      reject(badRequest(`Multipart error: ${describeFailure(error)}`));
      return;
    }
    let writing: Promise<Received> | null = null;
    parser.on('file', (field: string, stream: Readable, info: busboy.FileInfo) => {
      if (field !== 'snapshot' || writing) {
        stream.resume();
        return;
      }
      const hash = createHash('sha256');
      writing = pipeline(
        stream,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(target, { flags: 'wx' }),
      ).then(() => ({ file: target, sha256: hash.digest('hex'), fileName: info.filename }));
      writing.catch(() => undefined);
    });
    parser.on('error', (error: unknown) => reject(badRequest(`Multipart error: ${describeFailure(error)}`)));
    parser.on('close', () => {
      if (!writing) resolve(null);
      else writing.then(resolve, (error: unknown) => reject(badRequest(`Multipart error: ${describeFailure(error)}`)));
    });
    req.pipe(parser);
  });
}

const Priority = SnapshotRecover.shape.priority;

/**
 * `POST /collections/{c}/snapshots/upload?priority=…&checksum=…` with multipart field `snapshot`,
 * streamed to disk (never held in memory), kept in the collection's snapshot folder like Qdrant does,
 * then recovered from. A checksum mismatch is answered the way Qdrant words it (expected = computed).
 */
export const handleUploadSnapshot: RouteHandler = async ({ req, res, startedAt, query, qdrant, collection }) => {
  const wait = readFlag(query, 'wait', true);
  const priority = Priority.safeParse(query.get('priority') ?? undefined);
  if (!priority.success) throw new QdrantError(400, `Query deserialize error: priority: unknown variant \`${query.get('priority')}\`, expected one of \`no_sync\`, \`snapshot\`, \`replica\``);
  const checksum = query.get('checksum');
  const scratch = path.join(qdrant.tmpDir, `upload-${randomUUID()}`);
  let kept: string;
  try {
    const received = await receiveSnapshot(req, scratch);
    if (!received) throw badRequest('Multipart error: field `snapshot` is missing');
    if (checksum && received.sha256.toLowerCase() !== checksum.toLowerCase()) {
      throw new QdrantError(400, `Checksum mismatch: expected ${received.sha256}, actual ${checksum}`);
    }
    checkRecoveryTarget(qdrant.store, collection, priority.data);
    kept = await qdrant.shelf.keepUpload(collection, scratch, received.fileName);
  } finally {
    await rm(scratch, { force: true });
  }
  const recovering = () => recoverCollection(qdrant.store, collection, { file: kept, priority: priority.data });
  if (!wait) {
    qdrant.runInBackground(`recover ${collection} from an upload`, recovering);
    sendAccepted(res, startedAt);
    return;
  }
  await recovering();
  sendResult(res, startedAt, true);
};
