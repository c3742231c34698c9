import { z } from 'zod';
import { DrillId } from '../../drill-inputs';

/** The fields the report's actions validate, with the words the forms show. */
export const MAX_LESSONS_CHARACTERS = 10_000;
export const FollowUpId = z.string().trim().min(1, { error: 'not a follow-up id' }).max(64, { error: 'not a follow-up id' });
// Browsers send a textarea's line breaks as \r\n: count them as one character, as the reader sees them.
export const Lessons = z
  .string()
  .transform((text) => text.replace(/\r\n/g, '\n'))
  .pipe(z.string().max(MAX_LESSONS_CHARACTERS, { error: `at most ${MAX_LESSONS_CHARACTERS.toLocaleString('en')} characters` }));
export const FollowUpText = z.string().trim().min(3, { error: 'say what needs doing (at least 3 characters)' }).max(2000, { error: 'at most 2000 characters' });
export const Owner = z.string().trim().min(2, { error: 'name who owns it' }).max(200, { error: 'at most 200 characters' });
export const DueDate = z.union([z.literal(''), z.iso.date({ error: 'a date, yyyy-mm-dd' })]).transform((value) => (value === '' ? null : value));
/** A checkbox: present ("on") when ticked; "true"/"false" from scripts. */
export const Done = z
  .enum(['on', 'true', 'false'])
  .optional()
  .transform((value) => value === 'on' || value === 'true');

export const FollowUpFields = z.object({ drillId: DrillId, text: FollowUpText, owner: Owner, dueDate: DueDate.default(''), done: Done });
