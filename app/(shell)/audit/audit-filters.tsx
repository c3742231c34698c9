import { AUDIT_OUTCOMES, type AuditFilter } from '@/lib/domain/audit-filter';

const FIELD = 'rounded-md border border-slate-700 bg-slate-950 px-2 py-1 text-sm text-slate-100';

/** A datetime-local value in UTC (the page reads it back as UTC). */
const localUtc = (at: Date | undefined) => (at ? at.toISOString().slice(0, 16) : '');

/** Plain GET form: the filter lives in the URL, so any view is a link someone else can open. */
export function AuditFilters({ filter, raw }: { filter: AuditFilter | null; raw: Record<string, string> }) {
  const value = (key: 'actor' | 'action' | 'targetType' | 'targetId') => filter?.[key] ?? raw[key] ?? '';
  return (
    <form method="get" action="/audit" role="search" aria-label="Filter audit events" className="mb-4 rounded-lg border border-slate-800 bg-slate-900 p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          Actor (user id)
          <input name="actor" defaultValue={value('actor')} placeholder="admin, system…" className={FIELD} />
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          Action starts with
          <input name="action" defaultValue={value('action')} placeholder="replication." className={`${FIELD} font-mono`} />
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          Target type
          <input name="targetType" defaultValue={value('targetType')} placeholder="user, alert, config…" className={FIELD} />
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          Target id
          <input name="targetId" defaultValue={value('targetId')} className={FIELD} />
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          Outcome
          <select name="outcome" defaultValue={filter?.outcome ?? ''} className={FIELD}>
            <option value="">Any</option>
            {AUDIT_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcome}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          From (UTC)
          <input type="datetime-local" name="from" defaultValue={localUtc(filter?.from)} className={FIELD} />
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          To (UTC)
          <input type="datetime-local" name="to" defaultValue={localUtc(filter?.to)} className={FIELD} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600">
            Filter
          </button>
          <a href="/audit" className="rounded-md border border-slate-600 px-3 py-1.5 text-sm text-slate-200 hover:bg-slate-800">
            Clear
          </a>
        </div>
      </div>
    </form>
  );
}
