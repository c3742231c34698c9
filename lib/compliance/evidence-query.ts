import { z } from 'zod';

const DAY_MS = 86_400_000;
/** An audit period longer than this is refused: packs stay readable and the reads stay bounded. */
export const MAX_PERIOD_DAYS = 3 * 366;

/** A date (YYYY-MM-DD, a whole UTC day) or a full ISO 8601 timestamp. */
const Moment = z
  .string()
  .trim()
  .refine((value) => /^\d{4}-\d\d-\d\d$/.test(value) || z.iso.datetime({ offset: true }).safeParse(value).success, { error: 'must be a date (YYYY-MM-DD) or an ISO 8601 timestamp' })
  .refine((value) => !Number.isNaN(Date.parse(value)), { error: 'not a real date' });

const isDay = (value: string) => /^\d{4}-\d\d-\d\d$/.test(value);

/** `?from=&to=&format=`: the audit period (a `to` date includes that whole day) and the pack's format. */
export const EvidenceQuery = z
  .object({ from: Moment, to: Moment, format: z.enum(['json', 'md']).default('json') })
  .transform(({ from, to, format }) => ({
    format,
    from: new Date(isDay(from) ? `${from}T00:00:00Z` : from),
    to: new Date(isDay(to) ? Date.parse(`${to}T00:00:00Z`) + DAY_MS : Date.parse(to)),
  }))
  .refine(({ from, to }) => to > from, { error: 'to must be after from', path: ['to'] })
  .refine(({ from, to }) => to.getTime() - from.getTime() <= MAX_PERIOD_DAYS * DAY_MS, { error: `the period may be at most ${MAX_PERIOD_DAYS} days`, path: ['to'] });
export type EvidenceQuery = z.infer<typeof EvidenceQuery>;

/** The query from search parameters; every problem is named, with its field. */
export function parseEvidenceQuery(params: URLSearchParams): { ok: true; query: EvidenceQuery } | { ok: false; errors: string[] } {
  const parsed = EvidenceQuery.safeParse({ from: params.get('from') ?? undefined, to: params.get('to') ?? undefined, format: params.get('format') || undefined });
  if (parsed.success) return { ok: true, query: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`) };
}
