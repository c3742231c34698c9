import { TableHead } from '@/app/_components/table-head';
import type { ModelComparison } from '@/lib/domain/compare-deployment-models';
import { formatCents, formatPercent } from './format-money';

/** Cold, warm and active-active for this topology: monthly cost and RTO, the configured one marked. */
export function ModelComparisonTable({ comparison }: { comparison: ModelComparison }) {
  const { currency } = comparison;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <TableHead
          columns={[{ label: 'Model' }, { label: 'Secondary nodes', align: 'right' }, { label: 'Primary', align: 'right' }, { label: 'Secondary', align: 'right' }, { label: 'Shared', align: 'right' }, { label: 'Total / month', align: 'right' }, { label: 'DR overhead', align: 'right' }, { label: 'RTO', align: 'right' }]}
        />
        <tbody>
          {comparison.rows.map((row) => (
            <tr key={row.model} className={`border-t border-slate-800 ${row.configured ? 'bg-sky-950/40' : ''}`} data-testid="model-row" data-model={row.model} data-configured={row.configured} data-total-cents={row.totalCents} data-rto-minutes={row.rto.minutes}>
              <td className="py-1.5 pr-3">
                {row.label}
                {row.configured && <span className="ml-2 rounded bg-sky-700 px-1.5 py-0.5 text-xs text-white">configured</span>}
              </td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{row.secondaryNodes}</td>
              <td className="py-1.5 pr-3 text-right font-mono tabular-nums">{formatCents(row.primaryCents, currency)}</td>
              <td className="py-1.5 pr-3 text-right font-mono tabular-nums">{formatCents(row.secondaryCents, currency)}</td>
              <td className="py-1.5 pr-3 text-right font-mono tabular-nums">{formatCents(row.sharedCents, currency)}</td>
              <td className="py-1.5 pr-3 text-right font-mono font-medium tabular-nums">{formatCents(row.totalCents, currency)}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{formatPercent(row.overheadPercent)}</td>
              <td className="py-1.5 text-right tabular-nums" title={row.rto.detail}>
                {row.rto.minutes} min{row.rto.basis === 'plan-estimate' ? ' (plan)' : ' (measured)'}
                {!row.rto.withinObjective && <span className="ml-1 text-amber-300">over the {row.rto.objectiveMinutes} min objective</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-xs text-slate-400">
        {comparison.assumptions.map((assumption) => (
          <li key={assumption}>{assumption}</li>
        ))}
      </ul>
    </div>
  );
}
