import type { CostsOverview } from '@/lib/costs/costs-overview';
import { formatCents } from './format-money';
import { GIB } from '@/lib/domain/cool-tier-hint';


function Hint({ id, title, savingsCents, currency, children }: { id: string; title: string; savingsCents: number; currency: string; children: React.ReactNode }) {
  return (
    <li className="rounded-md border border-slate-800 p-3" data-testid="cost-hint" data-hint={id} data-savings-cents={savingsCents}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-medium">{title}</h3>
        <span className="font-mono text-emerald-300">saves {formatCents(savingsCents, currency)} / month</span>
      </div>
      <div className="mt-1 space-y-1 text-sm text-slate-300">{children}</div>
    </li>
  );
}

/** Optimization hints with their savings and the data each one is computed from. */
export function CostHints({ overview }: { overview: CostsOverview }) {
  const { hints, currency } = overview;
  const { reservedInstances: ri, coolTier, scaleToZero } = hints;
  return (
    <ul className="grid gap-3">
      {ri && (
        <Hint id="reserved-instances" title="Reserve the compute" savingsCents={ri.oneYear.savingsCents} currency={currency}>
          <p>
            Compute ({ri.computeServices.join(', ')}) ran {formatCents(ri.computeCents.all, currency)} a month (primary {formatCents(ri.computeCents.primary, currency)}, secondary {formatCents(ri.computeCents.secondary, currency)}) in {ri.basis}.
          </p>
          <p>
            1-year reservations at {ri.oneYear.percent} %: {formatCents(ri.oneYear.savingsCents, currency)}; 3-year at {ri.threeYear.percent} %: <span data-testid="ri-three-year" data-cents={ri.threeYear.savingsCents}>{formatCents(ri.threeYear.savingsCents, currency)}</span> a month (costs.reservedInstances). Reserve only what runs all month: not the nodes a failover adds.
          </p>
        </Hint>
      )}
      <Hint id="cool-tier" title="Move older snapshots to the Cool tier" savingsCents={coolTier.monthlySavingsCents} currency={coolTier.currency}>
        <p>
          {coolTier.snapshots} Qdrant snapshot{coolTier.snapshots === 1 ? '' : 's'} in Blob besides the newest of each collection ({coolTier.keptHot} kept Hot: the secondary restores from it): {(coolTier.bytes / GIB).toFixed(3)} GiB ({coolTier.bytes.toLocaleString('en-CA')} bytes, from the recorded snapshot runs within retention) × ({coolTier.hotPerGbMonth} − {coolTier.coolPerGbMonth}) per GB-month.
        </p>
        <p className="text-slate-400">Redis backups stay Hot: their 7-day retention is shorter than Cool&apos;s 30-day minimum, so early deletion would cost more than it saves.</p>
      </Hint>
      {scaleToZero && (
        <Hint id="scale-to-zero" title="Scale the secondary to zero while it serves no traffic" savingsCents={scaleToZero.monthlySavingsCents} currency={currency}>
          {scaleToZero.applicable ? (
            <p>
              The secondary served no traffic for {scaleToZero.idleHours.toFixed(1)} of {scaleToZero.hoursCovered.toFixed(0)} hours in {scaleToZero.basis} (served {scaleToZero.servingHours.toFixed(1)} h after failovers and in drills, from the runbook runs); its compute cost {formatCents(scaleToZero.secondaryComputeCents, currency)}.
            </p>
          ) : (
            <p>Not applicable: {scaleToZero.reason}.</p>
          )}
          <p className="text-slate-400">
            The trade-off: with no nodes the standby restores only at failover, so the RTO moves from {scaleToZero.rtoNowMinutes} min towards the cold-standby estimate of {scaleToZero.rtoColdMinutes} min.
          </p>
        </Hint>
      )}
      {!ri && <li className="text-sm text-slate-400">Compute hints appear once a month of cost data is stored.</li>}
    </ul>
  );
}
