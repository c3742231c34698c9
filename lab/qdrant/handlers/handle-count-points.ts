import type { RouteHandler } from '../qdrant-context';
import { matchesFilter } from '../match-filter';
import { CountRequest } from '../qdrant-requests';
import { readJsonBody } from '../read-json-body';
import { sendResult } from '../send-qdrant-response';

/** `POST /collections/{c}/points/count`: always exact (the lab has no estimate to give). */
export const handleCountPoints: RouteHandler = async ({ req, res, startedAt, qdrant, collection }) => {
  const body = await readJsonBody(req, CountRequest);
  const table = qdrant.store.table(collection);
  const filter = body?.filter;
  let count = table.size;
  if (filter) {
    count = 0;
    for (let i = 0; i < table.size; i++) if (matchesFilter(filter, table.idAt(i), table.payloadAt(i))) count++;
  }
  sendResult(res, startedAt, { count });
};
