import type { RouteHandler } from '../qdrant-context';
import { sendResult } from '../send-qdrant-response';

/** `true` when it existed, `false` otherwise (Qdrant does not 404 here). Snapshot files are kept. */
export const handleDeleteCollection: RouteHandler = async ({ res, startedAt, qdrant, collection }) => {
  sendResult(res, startedAt, await qdrant.store.delete(collection));
};
