import type { RouteHandler } from '../qdrant-context';
import { sendResult } from '../send-qdrant-response';

export const handleCollectionExists: RouteHandler = async ({ res, startedAt, qdrant, collection }) => {
  sendResult(res, startedAt, { exists: qdrant.store.has(collection) });
};
