import { readFlag, type RouteHandler } from '../qdrant-context';
import { sendAccepted, sendResult } from '../send-qdrant-response';

export const handleDeleteSnapshot: RouteHandler = async ({ res, startedAt, query, qdrant, collection, snapshot }) => {
  const wait = readFlag(query, 'wait', true);
  qdrant.store.table(collection);
  const file = await qdrant.shelf.find(collection, snapshot);
  const deleting = qdrant.shelf.delete(collection, snapshot);
  if (!wait) {
    qdrant.runInBackground(`delete snapshot ${file}`, () => deleting);
    sendAccepted(res, startedAt);
    return;
  }
  await deleting;
  sendResult(res, startedAt, true);
};
