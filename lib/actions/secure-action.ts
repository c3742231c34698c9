import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getSession } from '@/lib/auth/get-session';
import { getDb } from '@/lib/db/client';
import type { ActionResult } from './action-result';
import { runSecureAction, type SecureActionDefinition } from './run-secure-action';

/** Form fields as a plain object, without Next's own `$ACTION_*` fields. */
function formFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (!key.startsWith('$ACTION') && typeof value === 'string') fields[key] = value;
  return fields;
}

/**
 * The one wrapper every server action goes through (usable with useActionState):
 * session → role → zod → change + audit in one transaction → revalidate.
 */
export function secureAction<S extends z.ZodType, T, P = undefined>(def: SecureActionDefinition<S, T, P> & { revalidate?: string[] }) {
  return async (_previous: ActionResult<T> | null, form: FormData): Promise<ActionResult<T>> => {
    const session = await getSession();
    const result = await runSecureAction(def, session, formFields(form), await getDb());
    if (result.ok) for (const path of def.revalidate ?? []) revalidatePath(path);
    return result;
  };
}
