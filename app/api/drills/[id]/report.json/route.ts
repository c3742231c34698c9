import { NextResponse, type NextRequest } from 'next/server';
import type { DrillReport } from '@/lib/drill-report/drill-report';
import { NO_STORE } from '../../../_lib/read-by-id';
import { readDrillReportById } from '../read-drill-report-by-id';

export const dynamic = 'force-dynamic';

/** A drill's report as JSON, for automation: the same document the report page and the PDF render. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const loaded = await readDrillReportById(params);
  if ('response' in loaded) return loaded.response;
  return NextResponse.json<DrillReport>(loaded.value, { headers: { ...NO_STORE, 'content-disposition': `inline; filename="drill-${loaded.value.drill.id}.json"` } });
}
