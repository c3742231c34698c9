import { NextResponse } from 'next/server';
import type { Db } from '@/lib/db/client';
import { NO_STORE, readById } from './read-by-id';

/** A JSON read behind the Failovers page's roles, by UUID (see readById for the refusals); never cached. */
export async function answerFailoversRead<T>(params: Promise<{ id: string }>, noun: string, read: (db: Db, id: string) => Promise<T | null>): Promise<NextResponse> {
  const loaded = await readById(params, { pageHref: '/failovers', noun, read });
  return 'response' in loaded ? loaded.response : NextResponse.json<T>(loaded.value, { headers: NO_STORE });
}
