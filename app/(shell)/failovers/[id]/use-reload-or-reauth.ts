'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';

/** After a decision: a stale sign-in goes through a fresh login and back here; anything else reloads what the server now holds. */
export function useReloadOrReauth(result: ActionResult<unknown> | null, reauthHref: string): void {
  const router = useRouter();
  useEffect(() => {
    if (!result) return;
    if (!result.ok && result.code === 'reauth-required') window.location.assign(reauthHref);
    else router.refresh();
  }, [result, reauthHref, router]);
}
