import { EmptyState } from '@/app/_components/empty-state';
import type { CostsOverview } from '@/lib/costs/costs-overview';
import { CostChart } from './cost-chart';
import { CostHints } from './cost-hints';
import { CostMonthTable } from './cost-month-table';
import { formatPercent } from './format-money';
import { ModelComparisonTable } from './model-comparison-table';
import { OverheadTrendChart } from './overhead-trend-chart';
import { formatUtc } from '@/lib/domain/format-utc';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The Costs page body: source and as-of, cost per region and service, the overhead, the model comparison, the hints. */
export function CostsView({ overview }: { overview: CostsOverview }) {
  const newest = overview.months.at(-1);
  const newestFirst = [...overview.months].reverse();
  return (
    <div className="grid gap-6" data-testid="costs-view">
      {newest ? (
        <p className="text-sm text-slate-300" data-testid="cost-source" data-source={newest.source}>
          Costs {newest.sourceLabel}, in {overview.currency}, as of <time dateTime={newest.fetchedAt}>{formatUtc(newest.fetchedAt)}</time>. The leading worker refreshes the current and previous month on <code className="font-mono">{overview.refreshCron}</code> (UTC).
        </p>
      ) : (
        <EmptyState title="No cost data stored yet">
          <p>
            The leading worker fetches the last months of costs when it starts and nothing is stored, then refreshes daily (<code className="font-mono">{overview.refreshCron}</code> UTC). No worker running? Start one with <code className="font-mono">npm run worker</code>.
          </p>
        </EmptyState>
      )}
      {newest && (
        <Section id="cost-by-region" title="Monthly cost per region and service">
          <CostChart months={overview.months} currency={overview.currency} />
          <div className="mt-4 grid gap-6">
            {newestFirst.slice(0, 2).map((month) => (
              <CostMonthTable key={month.month} month={month} currency={overview.currency} />
            ))}
            {newestFirst.length > 2 && (
              <details>
                <summary className="cursor-pointer text-sm text-slate-300">Earlier months ({newestFirst.length - 2})</summary>
                <div className="mt-3 grid gap-6">
                  {newestFirst.slice(2).map((month) => (
                    <CostMonthTable key={month.month} month={month} currency={overview.currency} />
                  ))}
                </div>
              </details>
            )}
          </div>
        </Section>
      )}
      {newest && (
        <Section id="dr-overhead" title="DR overhead (secondary / primary)">
          <p className="mb-2 text-sm text-slate-300">
            {newest.month}
            {newest.complete ? '' : ' to date'}: <span className="text-2xl font-semibold" data-testid="dr-overhead" data-percent={newest.overheadPercent ?? ''}>{formatPercent(newest.overheadPercent)}</span>. Resource groups mapped to neither region (costs.resourceGroups.global) count in neither.
          </p>
          <OverheadTrendChart trend={overview.trend} />
        </Section>
      )}
      <Section id="model-comparison" title="Deployment models for this topology">
        <ModelComparisonTable comparison={overview.comparison} />
      </Section>
      <Section id="cost-hints" title="Optimization hints">
        {overview.hints.basis && <p className="mb-2 text-sm text-slate-400">Computed from {overview.hints.basis}.</p>}
        <CostHints overview={overview} />
      </Section>
    </div>
  );
}
