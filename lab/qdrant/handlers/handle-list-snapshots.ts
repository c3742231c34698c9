import type { RouteHandler } from '../qdrant-context';
import { sendResult } from '../send-qdrant-response';

export const handleListSnapshots: RouteHandler = async ({ res, startedAt, qdrant, collection }) => {
  qdrant.store.table(collection);
  sendResult(res, startedAt, await qdrant.shelf.list(collection));
};
