import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { RouteHandler } from '../qdrant-context';

/** `GET /collections/{c}/snapshots/{name}`: the file itself, streamed (no range requests). */
export const handleDownloadSnapshot: RouteHandler = async ({ res, qdrant, collection, snapshot }) => {
  qdrant.store.table(collection);
  const file = await qdrant.shelf.find(collection, snapshot);
  const { size } = await stat(file);
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': size,
    'content-disposition': `attachment; filename="${snapshot.replace(/["\\\r\n]/g, '_')}"`,
  });
  await pipeline(createReadStream(file), res);
};
