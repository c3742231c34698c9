import { TableHead } from '@/app/_components/table-head';
import type { CostMonthView } from '@/lib/costs/costs-overview';
import { formatCents, formatPercent } from './format-money';

const ROLE_LABEL = { primary: 'primary', secondary: 'secondary', global: 'shared' } as const;

/** One month's cost per region and service, to the cent, with each region's total and the DR overhead. */
export function CostMonthTable({ month, currency }: { month: CostMonthView; currency: string }) {
  const regions = [...new Map(month.cells.map((cell) => [cell.region, cell.role])).entries()];
  return (
    <div className="overflow-x-auto" data-testid="cost-month" data-month={month.month}>
      <table className="w-full text-sm">
        <caption className="mb-2 text-left text-slate-300">
          <span className="font-medium text-slate-100">{month.month}</span> {month.complete ? '(complete month)' : '(month to date)'} · {month.sourceLabel} · DR overhead{' '}
          <span data-testid="month-overhead" data-month={month.month}>
            {formatPercent(month.overheadPercent)}
          </span>
        </caption>
        <TableHead columns={[{ label: 'Region' }, { label: 'Service' }, { label: 'Cost', align: 'right' }]} />
        <tbody>
          {regions.map(([region, role]) => {
            const cells = month.cells.filter((cell) => cell.region === region);
            const total = cells.reduce((sum, cell) => sum + cell.cents, 0);
            return [
              ...cells.map((cell) => (
                <tr key={`${region}-${cell.service}`} className="border-t border-slate-800">
                  <td className="py-1.5 pr-3">
                    {region} <span className="text-slate-400">({ROLE_LABEL[role]})</span>
                  </td>
                  <td className="py-1.5 pr-3">{cell.service}</td>
                  <td className="py-1.5 text-right font-mono tabular-nums" data-testid="cost-cell" data-month={month.month} data-region={region} data-service={cell.service} data-cents={cell.cents}>
                    {formatCents(cell.cents, currency)}
                  </td>
                </tr>
              )),
              <tr key={`${region}-total`} className="border-t border-slate-700 font-medium">
                <td className="py-1.5 pr-3" colSpan={2}>
                  {region} total
                </td>
                <td className="py-1.5 text-right font-mono tabular-nums" data-testid="cost-region-total" data-month={month.month} data-region={region} data-cents={total}>
                  {formatCents(total, currency)}
                </td>
              </tr>,
            ];
          })}
          <tr className="border-t-2 border-slate-600 font-semibold">
            <td className="py-2 pr-3" colSpan={2}>
              Total
            </td>
            <td className="py-2 text-right font-mono tabular-nums" data-testid="cost-month-total" data-month={month.month} data-cents={month.totals.all}>
              {formatCents(month.totals.all, currency)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
