import { readFlag, type RouteHandler } from '../qdrant-context';
import { formatError, wrongInput } from '../qdrant-error';
import type { PointId } from '../point-id';
import { prepareVector, type Payload, type PointRecord, type VectorsConfig } from '../points-table';
import { UpsertPoints } from '../qdrant-requests';
import { readJsonBody } from '../read-json-body';
import { sendResult } from '../send-qdrant-response';

function toVector(config: VectorsConfig, value: unknown, where: string): Float32Array {
  if (!Array.isArray(value)) throw wrongInput(`${where}: named, sparse and multi vectors are not supported by the lab emulator (send a plain array)`);
  if (!value.every((x): x is number => typeof x === 'number' && Number.isFinite(x))) throw formatError('JSON body', `${where}: expected an array of numbers`);
  if (value.length !== config.size) throw wrongInput(`Vector dimension error: expected dim: ${config.size}, got ${value.length}`);
  return prepareVector(config, value);
}

/**
 * `PUT /collections/{c}/points` (`points` or `batch` form). The whole request is validated before
 * anything is applied. As in Qdrant, `wait` defaults to false: the answer is then "acknowledged".
 */
export const handleUpsertPoints: RouteHandler = async ({ req, res, startedAt, query, qdrant, collection }) => {
  const wait = readFlag(query, 'wait', false);
  const body = await readJsonBody(req, UpsertPoints);
  const config = qdrant.store.table(collection).config;
  let points: Omit<PointRecord, 'version'>[];
  if ('points' in body) {
    points = body.points.map((point, i) => ({
      id: point.id as PointId,
      vector: toVector(config, point.vector, `points[${i}].vector`),
      payload: (point.payload ?? {}) as Payload,
    }));
  } else {
    const { ids, vectors, payloads } = body.batch;
    if (!Array.isArray(vectors) || vectors.length !== ids.length || (payloads && payloads.length !== ids.length)) {
      throw wrongInput('batch: ids, vectors and payloads must have the same length');
    }
    points = ids.map((id, i) => ({ id: id as PointId, vector: toVector(config, vectors[i], `batch.vectors[${i}]`), payload: (payloads?.[i] ?? {}) as Payload }));
  }
  const { operationId, applied } = qdrant.store.upsert(collection, points);
  if (wait) await applied;
  else qdrant.runInBackground(`upsert into ${collection}`, () => applied);
  sendResult(res, startedAt, { operation_id: operationId, status: wait ? 'completed' : 'acknowledged' });
};
