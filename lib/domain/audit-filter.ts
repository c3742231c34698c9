import { z } from 'zod';

const OUTCOMES = ['success', 'denied', 'failure'] as const;

// Empty form fields arrive as "": treat them as "no filter" rather than as a value to match.
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || undefined)
    .optional();

/** A datetime-local value (no zone: read as UTC, as the page says) or a full ISO 8601 timestamp. */
const Instant = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (!value) return undefined;
    const zoned = /(?:Z|[+-]\d\d:\d\d)$/i.test(value) ? value : `${value}Z`;
    const at = new Date(zoned);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value) || Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: 'custom', message: `not a date and time: ${value.slice(0, 40)}` });
      return z.NEVER;
    }
    return at;
  })
  .optional();

/** The audit page's and export's filters, as URL search parameters (so a filtered view is a shareable link). */
export const AuditFilter = z.object({
  actor: text(200),
  /** Prefix: `replication.` matches every replication action. */
  action: text(200),
  targetType: text(100),
  targetId: text(300),
  outcome: z
    .enum(OUTCOMES)
    .or(z.literal('').transform(() => undefined))
    .optional(),
  from: Instant,
  to: Instant,
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AUDIT_OUTCOMES = OUTCOMES;
export const AUDIT_FILTER_KEYS = ['actor', 'action', 'targetType', 'targetId', 'outcome', 'from', 'to'] as const;

/** The filter from search parameters; a bad value is reported, never silently widened to "everything". */
export function parseAuditFilter(params: URLSearchParams): { ok: true; filter: AuditFilter } | { ok: false; errors: string[] } {
  const raw: Record<string, string> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = AuditFilter.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'filter'}: ${issue.message}`) };
  return { ok: true, filter: parsed.data };
}

/** True when the filter narrows the log: an export with it is a subset, not the chain. */
export function isFiltered(filter: AuditFilter): boolean {
  return AUDIT_FILTER_KEYS.some((key) => filter[key] !== undefined);
}

/** The filter as search parameters (for links and the export URL); dates as ISO 8601 UTC. */
export function auditFilterParams(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filter[key];
    if (value instanceof Date) params.set(key, value.toISOString());
    else if (value !== undefined) params.set(key, value);
  }
  return params;
}
