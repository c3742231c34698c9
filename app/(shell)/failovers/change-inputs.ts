import { z } from 'zod';

/** The fields every change-request action validates, with the words the form shows. */
export const ChangeId = z.uuid({ error: 'not a change request id' });
export const RunId = z.uuid({ error: 'not a runbook run id' });
export const PlanDigest = z.string().regex(/^[0-9a-f]{64}$/, { error: 'a plan digest is 64 lowercase hex characters (sha256)' });
export const Reason = z.string().trim().min(10, { error: 'say why, in at least 10 characters' }).max(2000, { error: 'at most 2000 characters' });
export const Comment = z.string().trim().min(3, { error: 'a comment is required (at least 3 characters)' }).max(2000, { error: 'at most 2000 characters' });
export const Justification = z.string().trim().min(20, { error: 'justify break-glass in at least 20 characters' }).max(2000, { error: 'at most 2000 characters' });
