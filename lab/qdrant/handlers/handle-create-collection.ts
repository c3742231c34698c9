import type { RouteHandler } from '../qdrant-context';
import { formatError, wrongInput } from '../qdrant-error';
import { CreateCollection, VectorParams } from '../qdrant-requests';
import { readJsonBody } from '../read-json-body';
import { sendResult } from '../send-qdrant-response';

/** `PUT /collections/{c}` with one unnamed dense vector `{size, distance}`; 409 if it exists. */
export const handleCreateCollection: RouteHandler = async ({ req, res, startedAt, qdrant, collection }) => {
  const body = await readJsonBody(req, CreateCollection);
  const single = VectorParams.safeParse(body.vectors);
  if (!single.success) {
    const named = typeof body.vectors === 'object' && body.vectors !== null && Object.values(body.vectors).every((v) => VectorParams.safeParse(v).success);
    if (named && Object.keys(body.vectors as object).length > 0) throw wrongInput('named vectors are not supported by the lab emulator (use one unnamed vector)');
    throw formatError('JSON body', `vectors: ${single.error.issues[0]?.message ?? 'expected {size, distance}'}`);
  }
  await qdrant.store.create(collection, { size: single.data.size, distance: single.data.distance });
  sendResult(res, startedAt, true);
};
