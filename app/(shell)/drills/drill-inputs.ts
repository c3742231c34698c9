import { z } from 'zod';

/** The fields every drill action validates, with the words the forms show. */
export const DrillId = z.uuid({ error: 'not a drill id' });
export const Title = z.string().trim().min(3, { error: 'a title of at least 3 characters' }).max(200, { error: 'at most 200 characters' });
/**
 * `lab`, or the name of the environment whose Front Door origin is disabled (letters, digits, -).
 * Lower-cased so `Lab` cannot slip past the plan's `lab` check into disabling the real origin.
 */
export const Environment = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/i, { error: 'lab, or an environment name: letters, digits and -, up to 40' })
  .transform((value) => value.toLowerCase());
/** A form's date-time without a zone is read as UTC (the form says so). */
export const ScheduledFor = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, { error: 'a date and time, e.g. 2026-12-01T14:00 (UTC)' })
  .transform((value) => new Date(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`))
  .refine((date) => !Number.isNaN(date.getTime()), { error: 'not a real date' });
export const ConfirmComment = z.string().trim().max(1000, { error: 'at most 1000 characters' }).optional();

const PARTICIPANT_FIELD = 'participant:';

/** Participants arrive as one checkbox each (`participant:<user id>`); the schema sees their ids. */
export function withParticipantIds(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const fields = raw as Record<string, unknown>;
  const ids = Object.keys(fields)
    .filter((key) => key.startsWith(PARTICIPANT_FIELD) && fields[key])
    .map((key) => key.slice(PARTICIPANT_FIELD.length));
  return { ...fields, participantIds: ids };
}

export const participantField = (userId: string) => `${PARTICIPANT_FIELD}${userId}`;
