import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadSnapshot, redactUrl } from '../download-snapshot';
import { readFlag, type QdrantContext, type RouteHandler } from '../qdrant-context';
import { badRequest, formatError, QdrantError } from '../qdrant-error';
import { SnapshotRecover } from '../qdrant-requests';
import { readJsonBody } from '../read-json-body';
import { checkRecoveryTarget, recoverCollection } from '../recover-collection';
import { sendAccepted, sendResult } from '../send-qdrant-response';

const SHA256_HEX = /^[0-9a-f]{64}$/i;

type Recovery = { location: URL; checksum?: string | null; priority?: 'no_sync' | 'snapshot' | 'replica' | null; apiKey?: string | null };

/** The server fetches the snapshot itself: http(s) into scratch space, or `file://` from its own snapshot folders. */
async function recoverFromLocation(qdrant: QdrantContext, collection: string, recovery: Recovery): Promise<void> {
  const { location } = recovery;
  if (location.protocol === 'file:') {
    const file = fileURLToPath(location);
    if (!qdrant.shelf.contains(file)) throw badRequest('the lab emulator only recovers file:// snapshots from its own snapshots folder');
    if (!existsSync(file)) throw badRequest(`Snapshot file ${JSON.stringify(file)} does not exist`);
    await recoverCollection(qdrant.store, collection, { file, checksum: recovery.checksum, priority: recovery.priority });
    return;
  }
  if (location.protocol !== 'http:' && location.protocol !== 'https:') {
    throw badRequest(`URL ${redactUrl(location)} with scheme ${location.protocol.replace(':', '')} is not supported`);
  }
  const file = path.join(qdrant.tmpDir, `download-${randomUUID()}.snapshot`);
  try {
    const downloaded = await downloadSnapshot(location, file, recovery.apiKey);
    await recoverCollection(qdrant.store, collection, { file, sha256: downloaded.sha256, checksum: recovery.checksum, priority: recovery.priority });
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * `PUT /collections/{c}/snapshots/recover` `{location, priority, checksum, api_key}`. Replaces the
 * collection (or creates it, with priority "snapshot") only once the file is fetched, matches the
 * checksum and parses; any failure leaves the collection as it was.
 */
export const handleRecoverSnapshot: RouteHandler = async ({ req, res, startedAt, query, qdrant, collection }) => {
  const wait = readFlag(query, 'wait', true);
  const body = await readJsonBody(req, SnapshotRecover);
  if (body.checksum && !SHA256_HEX.test(body.checksum)) throw new QdrantError(400, 'Validation error in JSON body: [checksum: must be a 64-character hex sha256]');
  let location: URL;
  try {
    location = new URL(body.location);
  } catch {
    throw formatError('JSON body', `location: ${JSON.stringify(body.location)} is not a URL`);
  }
  checkRecoveryTarget(qdrant.store, collection, body.priority);
  const recovery: Recovery = { location, checksum: body.checksum, priority: body.priority, apiKey: body.api_key };
  if (!wait) {
    qdrant.runInBackground(`recover ${collection} from ${redactUrl(location)}`, () => recoverFromLocation(qdrant, collection, recovery));
    sendAccepted(res, startedAt);
    return;
  }
  await recoverFromLocation(qdrant, collection, recovery);
  sendResult(res, startedAt, true);
};
