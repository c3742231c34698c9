import { readFlag, type RouteHandler } from '../qdrant-context';
import { sendAccepted, sendResult } from '../send-qdrant-response';

/** `POST /collections/{c}/snapshots`: a point-in-time file streamed to disk; `wait=false` answers 202 at once. */
export const handleCreateSnapshot: RouteHandler = async ({ res, startedAt, query, qdrant, collection }) => {
  const wait = readFlag(query, 'wait', true);
  qdrant.store.table(collection);
  const creating = qdrant.shelf.create(qdrant.store, collection);
  if (!wait) {
    qdrant.runInBackground(`snapshot of ${collection}`, () => creating);
    sendAccepted(res, startedAt);
    return;
  }
  sendResult(res, startedAt, await creating);
};
