import { z } from 'zod';

/** A follow-up action of a drill, as stored in Drill.followUps (edited by Architects, each edit audited). */
export const FollowUpSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  owner: z.string(),
  /** yyyy-mm-dd (UTC), or null when nobody set one. */
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  done: z.boolean(),
});
export type FollowUp = z.output<typeof FollowUpSchema>;

/** The most follow-ups one drill holds: the list is one JSON column, rewritten on each edit. */
export const MAX_FOLLOW_UPS = 100;

/**
 * The follow-ups of a stored JSON column; entries that do not match the shape are dropped, so
 * one bad entry written by hand never hides the others.
 */
export function parseFollowUps(value: unknown): FollowUp[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = FollowUpSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
