/** A plain GET form: the route answers with a download, so it works without JavaScript. */
export function EvidenceExportForm({ defaultFrom, defaultTo }: { defaultFrom: string; defaultTo: string }) {
  return (
    <section aria-labelledby="evidence-export-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="evidence-export-heading" className="text-lg font-semibold">
        Evidence pack for an audit period
      </h2>
      <p className="mt-1 text-sm text-slate-400">
        The controls as judged now, plus the drills, failovers, replication runs and audit events of the period, with the audit chain&apos;s verdict. Each export is recorded in the audit log.
      </p>
      <form method="get" action="/api/compliance/evidence" className="mt-3 flex flex-wrap items-end gap-3 text-sm" data-testid="evidence-export-form">
        <label className="grid gap-1">
          <span className="text-slate-300">From (UTC day)</span>
          <input type="date" name="from" required defaultValue={defaultFrom} className="rounded-md border border-slate-700 bg-slate-950 px-2 py-1.5 text-slate-100" />
        </label>
        <label className="grid gap-1">
          <span className="text-slate-300">To (UTC day, included)</span>
          <input type="date" name="to" required defaultValue={defaultTo} className="rounded-md border border-slate-700 bg-slate-950 px-2 py-1.5 text-slate-100" />
        </label>
        <label className="grid gap-1">
          <span className="text-slate-300">Format</span>
          <select name="format" defaultValue="md" className="rounded-md border border-slate-700 bg-slate-950 px-2 py-1.5 text-slate-100">
            <option value="md">Report (Markdown)</option>
            <option value="json">Machine-readable (JSON)</option>
          </select>
        </label>
        <button type="submit" className="rounded-md bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-600" data-testid="evidence-export-submit">
          Download evidence pack
        </button>
      </form>
    </section>
  );
}
