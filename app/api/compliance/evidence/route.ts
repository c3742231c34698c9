import { NextResponse, type NextRequest } from 'next/server';
import { getSession } from '@/lib/auth/get-session';
import { exportEvidencePack } from '@/lib/compliance/export-evidence-pack';
import { parseEvidenceQuery } from '@/lib/compliance/evidence-query';
import { renderEvidenceMarkdown } from '@/lib/compliance/render-evidence-markdown';
import { getConfig } from '@/lib/config/get-config';
import { getDb } from '@/lib/db/client';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'cache-control': 'no-store' };
const page = pageFor('/compliance');
const day = (iso: string) => iso.slice(0, 10).replace(/-/g, '');

/** GET ?from=&to=&format=json|md: the compliance evidence pack for an audit period, as a download; itself audited. */
export async function GET(request: NextRequest) {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'unauthenticated', message: 'Sign in to use this API.' }, { status: 401, headers: NO_STORE });
  if (!hasAnyRole(session.roles, page.roles)) return NextResponse.json({ error: 'forbidden', message: `This needs the ${page.roles.join(' or ')} role.` }, { status: 403, headers: NO_STORE });
  const parsed = parseEvidenceQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return NextResponse.json({ error: 'invalid_request', message: parsed.errors.join('; ') }, { status: 400, headers: NO_STORE });

  const { query } = parsed;
  const pack = await exportEvidencePack(await getDb(), getConfig(), session, query);
  const filename = `lifeboat-dr-evidence-${day(pack.period.from)}-${day(new Date(Date.parse(pack.period.to) - 1).toISOString())}.${query.format}`;
  const body = query.format === 'md' ? renderEvidenceMarkdown(pack) : `${JSON.stringify(pack, null, 2)}\n`;
  return new Response(body, {
    headers: {
      ...NO_STORE,
      'content-type': query.format === 'md' ? 'text/markdown; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'x-content-type-options': 'nosniff',
      'x-lifeboat-audit-seq': pack.audit.exportEvent.seq,
    },
  });
}
