import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getSession } from '@/lib/auth/get-session';
import type { Db } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';

export const NO_STORE = { 'cache-control': 'no-store' };
const Id = z.uuid();

/** The error document of every by-id JSON read. */
export type ApiReadError = { error: 'unauthenticated' | 'forbidden' | 'invalid_request' | 'not_found' | 'unavailable'; message: string };

const fail = (status: number, error: ApiReadError['error'], message: string) => ({ response: NextResponse.json<ApiReadError>({ error, message }, { status, headers: NO_STORE }) });

/**
 * A read by UUID behind a page's roles (`pageHref`): 401 without a session, 403 without the role,
 * 400 for a bad id, 503 when the database fails, 404 when `read` finds nothing; errors never cached.
 */
export async function readById<T>(params: Promise<{ id: string }>, options: { pageHref: string; noun: string; read: (db: Db, id: string) => Promise<T | null> }): Promise<{ value: T } | { response: NextResponse }> {
  const { noun } = options;
  const page = pageFor(options.pageHref);
  const session = await getSession();
  if (!session) return fail(401, 'unauthenticated', 'Sign in to use this API.');
  if (!hasAnyRole(session.roles, page.roles)) return fail(403, 'forbidden', `This needs the ${page.roles.join(' or ')} role.`);
  const { id } = await params;
  if (!Id.safeParse(id).success) return fail(400, 'invalid_request', `A ${noun} id is a UUID.`);
  let value: T | null;
  try {
    value = await options.read(await getDb(), id);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(503, 'unavailable', `The ${noun} could not be read from the database: ${message}`);
  }
  return value === null ? fail(404, 'not_found', `No ${noun} ${id}.`) : { value };
}
