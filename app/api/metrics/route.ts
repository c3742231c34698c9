import { NextResponse, type NextRequest } from 'next/server';
import { equalSecrets } from '@/lib/auth/equal-secrets';
import { getDb } from '@/lib/db/client';
import { renderMetrics } from '@/lib/status/render-metrics';

export const dynamic = 'force-dynamic';

/**
 * Prometheus scrape endpoint. Protected by a bearer token from LIFEBOAT_METRICS_TOKEN; when that is
 * unset the route does not exist (404), so an unconfigured deployment publishes nothing.
 */
export async function GET(request: NextRequest) {
  const token = process.env.LIFEBOAT_METRICS_TOKEN?.trim();
  if (!token) return new NextResponse('Not Found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]?.trim() ?? '';
  if (!given || !equalSecrets(given, token)) {
    return new NextResponse('Unauthorized: send Authorization: Bearer <LIFEBOAT_METRICS_TOKEN>\n', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="lifeboat-metrics"', 'cache-control': 'no-store' } });
  }
  const { contentType, text } = await renderMetrics(await getDb());
  return new NextResponse(text, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
