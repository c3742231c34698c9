import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getSession } from '@/lib/auth/get-session';
import type { Db } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';
import type { RunViewError } from '@/lib/run-view/run-view';

const NO_STORE = { 'cache-control': 'no-store' };
const page = pageFor('/failovers');
const Id = z.uuid();

const fail = (status: number, error: RunViewError['error'], message: string) => NextResponse.json<RunViewError>({ error, message }, { status, headers: NO_STORE });

/**
 * A JSON read behind the Failovers page's roles, by UUID: 401 without a session, 403 without the
 * role, 400 for a bad id, 503 when the database fails, 404 when `read` finds nothing; never cached.
 */
export async function answerFailoversRead<T>(params: Promise<{ id: string }>, noun: string, read: (db: Db, id: string) => Promise<T | null>): Promise<NextResponse> {
  const session = await getSession();
  if (!session) return fail(401, 'unauthenticated', 'Sign in to use this API.');
  if (!hasAnyRole(session.roles, page.roles)) return fail(403, 'forbidden', `This needs the ${page.roles.join(' or ')} role.`);
  const { id } = await params;
  if (!Id.safeParse(id).success) return fail(400, 'invalid_request', `A ${noun} id is a UUID.`);
  let answer: T | null;
  try {
    answer = await read(await getDb(), id);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(503, 'unavailable', `The ${noun} could not be read from the database: ${message}`);
  }
  if (answer === null) return fail(404, 'not_found', `No ${noun} ${id}.`);
  return NextResponse.json<T>(answer, { headers: NO_STORE });
}
