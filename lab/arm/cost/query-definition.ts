import { z } from 'zod';

/** The Cost Management query body (QueryDefinition, 2022-10-01): the parts the lab answers. */

export const DIMENSIONS = ['ResourceGroupName', 'ResourceGroup', 'ServiceName', 'MeterCategory', 'ResourceLocation'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Cost columns the lab can sum; the USD ones convert the model's CAD at a fixed rate. */
export const COST_COLUMNS = ['PreTaxCost', 'Cost', 'PreTaxCostUSD', 'CostUSD'] as const;
export type CostColumn = (typeof COST_COLUMNS)[number];

const Comparison = z.object({ name: z.string(), operator: z.literal('In'), values: z.array(z.string()).min(1) });

export type QueryFilter = {
  and?: QueryFilter[];
  or?: QueryFilter[];
  dimensions?: z.output<typeof Comparison>;
  tags?: z.output<typeof Comparison>;
};

const QueryFilterSchema: z.ZodType<QueryFilter> = z.lazy(() =>
  z.object({
    and: z.array(QueryFilterSchema).min(2).optional(),
    or: z.array(QueryFilterSchema).min(2).optional(),
    dimensions: Comparison.optional(),
    tags: Comparison.optional(),
  }),
);

export const QueryDefinition = z
  .object({
    type: z.enum(['Usage', 'ActualCost', 'AmortizedCost']),
    timeframe: z.enum(['MonthToDate', 'BillingMonthToDate', 'TheLastMonth', 'TheLastBillingMonth', 'WeekToDate', 'Custom']),
    timePeriod: z.object({ from: z.iso.datetime({ offset: true, local: true }).or(z.iso.date()), to: z.iso.datetime({ offset: true, local: true }).or(z.iso.date()) }).optional(),
    dataset: z.object({
      granularity: z.enum(['Daily', 'None']).optional(),
      aggregation: z
        .record(z.string(), z.object({ name: z.enum(COST_COLUMNS, { error: `aggregation column must be one of ${COST_COLUMNS.join(', ')}` }), function: z.literal('Sum') }))
        .refine((aggregation) => Object.keys(aggregation).length > 0, { error: 'at least one aggregation is required' }),
      grouping: z
        .array(z.object({ type: z.enum(['Dimension', 'TagKey']), name: z.string() }))
        .max(2, { error: 'at most 2 groupings are allowed' })
        .optional(),
      filter: QueryFilterSchema.optional(),
    }),
  })
  .superRefine((query, ctx) => {
    if (query.timeframe === 'Custom' && !query.timePeriod) ctx.addIssue({ code: 'custom', path: ['timePeriod'], message: 'timePeriod is required when timeframe is Custom' });
    for (const [index, group] of (query.dataset.grouping ?? []).entries()) {
      if (group.type !== 'Dimension' || !(DIMENSIONS as readonly string[]).includes(group.name)) {
        ctx.addIssue({ code: 'custom', path: ['dataset', 'grouping', index, 'name'], message: `grouping by ${group.type} '${group.name}' is not supported; the lab groups by Dimension ${DIMENSIONS.join(', ')}` });
      }
    }
  });
export type QueryDefinition = z.output<typeof QueryDefinition>;
