export type ActionError = 'unauthenticated' | 'forbidden' | 'invalid' | 'failed';

/** What every server action returns to its form (useActionState). */
export type ActionResult<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: ActionError; message: string; fieldErrors?: Record<string, string[]>; /** ExpectedFailure's code, e.g. `reauth-required`. */ code?: string };
