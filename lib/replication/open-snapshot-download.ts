import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { QdrantNode } from './qdrant-client';

/** GET a snapshot file over Qdrant's REST API as a Node stream (never buffered whole). */
export async function openSnapshotDownload(node: Pick<QdrantNode, 'url' | 'apiKey'>, collection: string, snapshotName: string): Promise<Readable> {
  const url = `${node.url}/collections/${encodeURIComponent(collection)}/snapshots/${encodeURIComponent(snapshotName)}`;
  const response = await fetch(url, { headers: node.apiKey === undefined ? {} : { 'api-key': node.apiKey } });
  if (!response.ok || response.body === null) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`download answered HTTP ${response.status}`);
  }
  return Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
}
