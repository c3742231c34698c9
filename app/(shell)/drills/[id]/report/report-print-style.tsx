// Printing (or "Save as PDF" from the browser): no navigation or buttons, black on white, each major section on its own page.
const PRINT_CSS = `
@media print {
  @page { margin: 14mm; }
  header, [data-print-hidden] { display: none !important; }
  html, body { background: #fff !important; color: #000 !important; }
  [data-report] * { color: #000 !important; background: transparent !important; border-color: #999 !important; box-shadow: none !important; }
  [data-report-section] + [data-report-section] { break-before: page; }
  [data-report] tr, [data-report] li { break-inside: avoid; }
  [data-report] a { text-decoration: none !important; }
}`;

/** The report's print rules; rendered by the report page only, so other pages print as they are. */
export function ReportPrintStyle() {
  return <style>{PRINT_CSS}</style>;
}
