import { NextResponse, type NextRequest } from 'next/server';
import { exportAuditLog } from '@/lib/audit/export-audit-log';
import { getSession } from '@/lib/auth/get-session';
import { getDb } from '@/lib/db/client';
import { parseAuditFilter } from '@/lib/domain/audit-filter';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'cache-control': 'no-store' };
const page = pageFor('/audit');
const CONTENT_TYPE = { jsonl: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

/** GET ?format=jsonl|csv and the audit page's filters: the log as a streamed download, itself audited. */
export async function GET(request: NextRequest) {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'unauthenticated', message: 'Sign in to use this API.' }, { status: 401, headers: NO_STORE });
  if (!hasAnyRole(session.roles, page.roles)) return NextResponse.json({ error: 'forbidden', message: `This needs the ${page.roles.join(' or ')} role.` }, { status: 403, headers: NO_STORE });
  const params = request.nextUrl.searchParams;
  const format = params.get('format') ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'csv') return NextResponse.json({ error: 'invalid_request', message: 'format must be jsonl or csv.' }, { status: 400, headers: NO_STORE });
  const parsed = parseAuditFilter(params);
  if (!parsed.ok) return NextResponse.json({ error: 'invalid_request', message: parsed.errors.join('; ') }, { status: 400, headers: NO_STORE });

  const exported = await exportAuditLog(await getDb(), session, format, parsed.filter);
  return new Response(exported.stream, {
    headers: {
      ...NO_STORE,
      'content-type': CONTENT_TYPE[format],
      'content-disposition': `attachment; filename="${exported.filename}"`,
      'x-content-type-options': 'nosniff',
      'x-lifeboat-export': exported.complete ? 'complete' : 'filtered',
      'x-lifeboat-export-through-seq': exported.throughSeq.toString(),
    },
  });
}
