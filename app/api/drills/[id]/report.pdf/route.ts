import type { NextRequest } from 'next/server';
import { renderDrillReportPdf } from '@/lib/drill-report/render-drill-report-pdf';
import { NO_STORE } from '../../../_lib/read-by-id';
import { readDrillReportById } from '../read-drill-report-by-id';

export const dynamic = 'force-dynamic';

/** A drill's report as a PDF download, named after the drill. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const loaded = await readDrillReportById(params);
  if ('response' in loaded) return loaded.response;
  const pdf = await renderDrillReportPdf(loaded.value);
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...NO_STORE,
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="drill-${loaded.value.drill.id}.pdf"`,
      'content-length': String(pdf.length),
      'x-content-type-options': 'nosniff',
    },
  });
}
