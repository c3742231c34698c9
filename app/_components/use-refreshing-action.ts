'use client';

import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';

type ServerAction<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** A form's server action that, when it worked, runs `onSuccess` and reloads the page so it shows what the server now holds. */
export function useRefreshingAction<T>(serverAction: ServerAction<T>, onSuccess?: () => void) {
  const router = useRouter();
  return useActionState<ActionResult<T> | null, FormData>(async (previous, form) => {
    const outcome = await serverAction(previous, form);
    if (outcome.ok) {
      onSuccess?.();
      router.refresh();
    }
    return outcome;
  }, null);
}
