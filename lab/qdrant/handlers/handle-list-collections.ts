import type { RouteHandler } from '../qdrant-context';
import { sendResult } from '../send-qdrant-response';

export const handleListCollections: RouteHandler = async ({ res, startedAt, qdrant }) => {
  sendResult(res, startedAt, { collections: qdrant.store.names().map((name) => ({ name })) });
};
