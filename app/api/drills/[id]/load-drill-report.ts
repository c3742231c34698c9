import { NextResponse } from 'next/server';
import { DrillId } from '@/app/(shell)/drills/drill-inputs';
import { getSession } from '@/lib/auth/get-session';
import { getConfig } from '@/lib/config/get-config';
import { getDb } from '@/lib/db/client';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';
import type { DrillReport } from '@/lib/drill-report/drill-report';
import { readDrillReport } from '@/lib/drill-report/read-drill-report';

export const NO_STORE = { 'cache-control': 'no-store' };
const page = pageFor('/drills');

export type DrillReportError = { error: 'unauthenticated' | 'forbidden' | 'invalid_request' | 'not_found' | 'unavailable'; message: string };

const fail = (status: number, error: DrillReportError['error'], message: string) => ({ response: NextResponse.json<DrillReportError>({ error, message }, { status, headers: NO_STORE }) });

/** The checks both report routes share: a session, a role that may open /drills, a UUID, a drill that exists. */
export async function loadDrillReport(params: Promise<{ id: string }>): Promise<{ report: DrillReport } | { response: Response }> {
  const session = await getSession();
  if (!session) return fail(401, 'unauthenticated', 'Sign in to use this API.');
  if (!hasAnyRole(session.roles, page.roles)) return fail(403, 'forbidden', `This needs the ${page.roles.join(' or ')} role.`);
  const { id } = await params;
  if (!DrillId.safeParse(id).success) return fail(400, 'invalid_request', 'A drill id is a UUID.');
  let report: DrillReport | null;
  try {
    report = await readDrillReport(await getDb(), id, getConfig().objectives);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(503, 'unavailable', `The drill could not be read from the database: ${message}`);
  }
  return report ? { report } : fail(404, 'not_found', `No drill ${id}.`);
}
