import type { DeploymentModel } from '@/lib/config/schema';
import type { CostBasis } from './cost-basis';
import { centsOfServices, totalsByRegionAndService } from './cost-totals';
import { secondaryServingIntervals, servingHoursWithin, type TrafficRun } from './secondary-serving-hours';

export type ScaleToZeroHint = {
  basis: string;
  applicable: boolean;
  /** Why not, when not applicable. */
  reason?: string;
  hoursCovered: number;
  servingHours: number;
  idleHours: number;
  /** The secondary's compute in the basis period, as billed (not projected). */
  secondaryComputeCents: number;
  /** Idle share of that compute, projected to a whole month. */
  monthlySavingsCents: number;
};

const HOUR_MS = 60 * 60 * 1000;

/**
 * Scaling the secondary's nodes to zero while it serves no traffic: its compute × idle hours /
 * hours covered. Serving periods come from the runs that moved traffic (failover → failback, drills).
 */
export function scaleToZeroHint(input: { basis: CostBasis; computeServices: readonly string[]; deploymentModel: DeploymentModel; runs: readonly TrafficRun[]; now: Date }): ScaleToZeroHint {
  const { basis } = input;
  const hoursCovered = (basis.to.getTime() - basis.from.getTime()) / HOUR_MS;
  const compute = centsOfServices(totalsByRegionAndService(basis.month.lines), input.computeServices).secondary;
  const until = new Date(Math.min(basis.to.getTime(), input.now.getTime()));
  const servingHours = input.deploymentModel === 'active-active' ? hoursCovered : servingHoursWithin(secondaryServingIntervals(input.runs, until), basis.from, basis.to);
  const idleHours = Math.max(0, hoursCovered - servingHours);
  const common = { basis: basis.description, hoursCovered, servingHours, idleHours, secondaryComputeCents: compute };
  if (input.deploymentModel === 'active-active') return { ...common, applicable: false, reason: 'active-active: the secondary serves traffic all the time', monthlySavingsCents: 0 };
  if (compute === 0) return { ...common, applicable: false, reason: 'the secondary ran no compute in this period', monthlySavingsCents: 0 };
  return { ...common, applicable: true, monthlySavingsCents: Math.round(((compute * idleHours) / hoursCovered) * basis.projectionFactor) };
}
