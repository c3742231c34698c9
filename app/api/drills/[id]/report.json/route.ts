import { NextResponse, type NextRequest } from 'next/server';
import type { DrillReport } from '@/lib/drill-report/drill-report';
import { loadDrillReport, NO_STORE } from '../load-drill-report';

export const dynamic = 'force-dynamic';

/** A drill's report as JSON, for automation: the same document the report page and the PDF render. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const loaded = await loadDrillReport(params);
  if ('response' in loaded) return loaded.response;
  return NextResponse.json<DrillReport>(loaded.report, { headers: { ...NO_STORE, 'content-disposition': `inline; filename="drill-${loaded.report.drill.id}.json"` } });
}
