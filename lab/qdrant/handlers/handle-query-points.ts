import type { z } from 'zod';
import type { RouteHandler } from '../qdrant-context';
import { matchesFilter } from '../match-filter';
import { comparePointIds, type PointId } from '../point-id';
import { prepareVector, type Payload, type PointsTable } from '../points-table';
import { notFound, wrongInput } from '../qdrant-error';
import { QueryRequest } from '../qdrant-requests';
import { readJsonBody } from '../read-json-body';
import { searchPoints, type SearchHit } from '../search-points';
import { sendResult } from '../send-qdrant-response';

type Query = NonNullable<z.infer<typeof QueryRequest>>;

/** Top-level payload keys only: dotted include/exclude paths are not emulated. */
function selectPayload(payload: Payload, selector: Query['with_payload']): Payload | undefined {
  if (!selector) return undefined;
  if (selector === true) return payload;
  const include = Array.isArray(selector) ? selector : 'include' in selector ? selector.include : null;
  if (include) return Object.fromEntries(Object.entries(payload).filter(([key]) => include.includes(key)));
  const exclude = 'exclude' in selector ? selector.exclude : [];
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !exclude.includes(key)));
}

/** The query vector, from a dense vector, `{nearest: …}` or a stored point's id (that point is then left out, as in Qdrant). */
function resolveQuery(table: PointsTable, query: NonNullable<Query['query']>): { vector: Float32Array; exclude?: number } {
  let values: number[];
  if (typeof query === 'number' || typeof query === 'string') {
    const slot = table.slotOf(query);
    if (slot === undefined) throw notFound(`No point with id ${query} found`);
    return { vector: table.vectorAt(slot).slice(), exclude: slot };
  }
  if (Array.isArray(query)) values = query;
  else if ('nearest' in query && Array.isArray(query.nearest)) values = query.nearest as number[];
  else throw wrongInput(`query kind ${Object.keys(query).join(', ')} is not supported by the lab emulator (only nearest by vector or id)`);
  if (values.length !== table.config.size) throw wrongInput(`Vector dimension error: expected dim: ${table.config.size}, got ${values.length}`);
  return { vector: prepareVector(table.config, values) };
}

/** `POST /collections/{c}/points/query`: exact brute-force nearest neighbours, optionally filtered. */
export const handleQueryPoints: RouteHandler = async ({ req, res, startedAt, qdrant, collection }) => {
  const body: Query = (await readJsonBody(req, QueryRequest)) ?? {};
  const table = qdrant.store.table(collection);
  if (body.prefetch !== undefined && body.prefetch !== null) throw wrongInput('prefetch (hybrid queries) is not supported by the lab emulator');
  if (body.using) throw wrongInput(`Not existing vector name error: ${body.using}`);
  const limit = body.limit ?? 10;
  const offset = body.offset ?? 0;
  const filter = body.filter;

  let hits: SearchHit[];
  if (body.query === undefined || body.query === null) {
    const slots: number[] = [];
    for (let i = 0; i < table.size; i++) if (!filter || matchesFilter(filter, table.idAt(i), table.payloadAt(i))) slots.push(i);
    slots.sort((a, b) => comparePointIds(table.idAt(a), table.idAt(b)));
    hits = slots.slice(offset, offset + limit).map((index) => ({ index, score: 0 }));
  } else {
    const { vector, exclude } = resolveQuery(table, body.query);
    const accept =
      filter || exclude !== undefined
        ? (index: number) => index !== exclude && (!filter || matchesFilter(filter, table.idAt(index), table.payloadAt(index)))
        : undefined;
    hits = searchPoints(table, { query: vector, limit, offset, scoreThreshold: body.score_threshold ?? undefined, accept });
  }

  const points = hits.map(({ index, score }) => {
    const payload = selectPayload(table.payloadAt(index), body.with_payload);
    return {
      id: table.idAt(index) as PointId,
      version: table.versionAt(index),
      score,
      ...(payload ? { payload } : {}),
      ...(body.with_vector ? { vector: Array.from(table.vectorAt(index)) } : {}),
    };
  });
  sendResult(res, startedAt, { points });
};
