import type { NextRequest } from 'next/server';
import { renderDrillReportPdf } from '@/lib/drill-report/render-drill-report-pdf';
import { loadDrillReport, NO_STORE } from '../load-drill-report';

export const dynamic = 'force-dynamic';

/** A drill's report as a PDF download, named after the drill. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const loaded = await loadDrillReport(params);
  if ('response' in loaded) return loaded.response;
  const pdf = await renderDrillReportPdf(loaded.report);
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...NO_STORE,
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="drill-${loaded.report.drill.id}.pdf"`,
      'content-length': String(pdf.length),
      'x-content-type-options': 'nosniff',
    },
  });
}
