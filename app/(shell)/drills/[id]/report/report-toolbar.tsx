'use client';

import { Braces, Download, Printer } from 'lucide-react';

const LINK = 'inline-flex items-center gap-1.5 rounded-md border border-slate-600 px-3 py-1.5 text-sm hover:bg-slate-800';

/** Download PDF, the JSON document, and the browser's print dialog (the page prints without navigation). */
export function ReportToolbar({ drillId }: { drillId: string }) {
  return (
    <div data-print-hidden className="flex flex-wrap gap-2">
      <a href={`/api/drills/${drillId}/report.pdf`} download data-testid="report-download-pdf" className={LINK}>
        <Download aria-hidden className="size-4" /> Download PDF
      </a>
      <a href={`/api/drills/${drillId}/report.json`} data-testid="report-json" className={LINK}>
        <Braces aria-hidden className="size-4" /> JSON
      </a>
      <button type="button" onClick={() => window.print()} data-testid="report-print" className={LINK}>
        <Printer aria-hidden className="size-4" /> Print
      </button>
    </div>
  );
}
