import { z } from 'zod';
import { isIntegerId, normalizeUuid } from './point-id';

/** Request bodies the emulator accepts, following the shapes in the Qdrant v1.19 OpenAPI document. */

export const Distance = z.enum(['Cosine', 'Euclid', 'Dot', 'Manhattan']);

export const VectorParams = z.object({
  size: z.number().int().min(1).max(65536),
  distance: Distance,
});

export const CreateCollection = z.object({
  vectors: z.unknown(),
});

export const PointId = z.union([
  z.number().refine(isIntegerId, 'an integer id must be an unsigned integer below 2^53'),
  z.string().transform((text, ctx) => {
    const uuid = normalizeUuid(text);
    if (uuid === null) {
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text)} is not a valid point id: an unsigned integer or a UUID` });
      return z.NEVER;
    }
    return uuid;
  }),
]);

const Payload = z.record(z.string(), z.unknown());
const DenseVector = z.array(z.number());

export const UpsertPoints = z.union([
  z.object({
    points: z.array(z.object({ id: PointId, vector: z.unknown(), payload: Payload.nullish() })),
  }),
  z.object({
    batch: z.object({ ids: z.array(PointId), vectors: z.unknown(), payloads: z.array(Payload.nullable()).nullish() }),
  }),
]);

const MatchValue = z.union([z.string(), z.number(), z.boolean()]);
/** Strict, so geo, values_count, datetime and other conditions the lab does not evaluate are refused. */
const FieldCondition = z.strictObject({
  key: z.string(),
  match: z
    .union([
      z.object({ value: MatchValue }),
      z.object({ any: z.array(MatchValue) }),
      z.object({ except: z.array(MatchValue) }),
    ])
    .nullish(),
  range: z
    .looseObject({ gt: z.number().nullish(), gte: z.number().nullish(), lt: z.number().nullish(), lte: z.number().nullish() })
    .nullish(),
}).refine((condition) => condition.match || condition.range, 'a field condition needs `match` or `range` in the lab emulator');
const HasIdCondition = z.object({ has_id: z.array(PointId) });
const IsEmptyCondition = z.object({ is_empty: z.object({ key: z.string() }) });
const IsNullCondition = z.object({ is_null: z.object({ key: z.string() }) });

export type FilterInput = {
  must?: ConditionInput | ConditionInput[] | null;
  should?: ConditionInput | ConditionInput[] | null;
  must_not?: ConditionInput | ConditionInput[] | null;
};
export type ConditionInput =
  | z.infer<typeof FieldCondition>
  | z.infer<typeof HasIdCondition>
  | z.infer<typeof IsEmptyCondition>
  | z.infer<typeof IsNullCondition>
  | { filter: FilterInput }
  | FilterInput;

const Condition: z.ZodType<ConditionInput> = z.lazy(() =>
  z.union([HasIdCondition, IsEmptyCondition, IsNullCondition, FieldCondition, z.object({ filter: Filter }), Filter]),
);
const Clause = z.union([Condition, z.array(Condition)]).nullish();
/** Strict, so a filter feature the lab does not implement (min_should, nested, geo…) is refused instead of ignored. */
export const Filter: z.ZodType<FilterInput> = z.lazy(() => z.strictObject({ must: Clause, should: Clause, must_not: Clause }));

export const CountRequest = z
  .looseObject({ filter: Filter.nullish(), exact: z.boolean().nullish() })
  .nullish();

const WithPayload = z.union([
  z.boolean(),
  z.array(z.string()),
  z.object({ include: z.array(z.string()) }),
  z.object({ exclude: z.array(z.string()) }),
]);

export const QueryRequest = z
  .looseObject({
    query: z.union([DenseVector, z.object({ nearest: DenseVector }), PointId, z.record(z.string(), z.unknown())]).nullish(),
    using: z.string().nullish(),
    prefetch: z.unknown().optional(),
    filter: Filter.nullish(),
    score_threshold: z.number().nullish(),
    limit: z.number().int().min(1).nullish(),
    offset: z.number().int().min(0).nullish(),
    with_payload: WithPayload.nullish(),
    with_vector: z.boolean().nullish(),
  })
  .nullish();

export const SnapshotRecover = z.object({
  location: z.string(),
  priority: z.enum(['no_sync', 'snapshot', 'replica']).nullish(),
  checksum: z.string().nullish(),
  api_key: z.string().nullish(),
});
export type SnapshotPriority = NonNullable<z.infer<typeof SnapshotRecover>['priority']>;
