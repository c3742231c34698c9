import type { DeploymentModel } from '@/lib/config/schema';
import type { RtoEstimate } from './readiness-types';

export const FAILOVER_STEPS = ['scale-aks', 'restore-qdrant', 'restore-redis', 'switch-front-door', 'validate'] as const;
export type FailoverStep = (typeof FAILOVER_STEPS)[number];

/** The newest recovery actually timed (declared → secondary serving). */
export type MeasuredRecovery = { rtoMinutes: number; at: Date; kind: 'drill' | 'failover' };

type Plan = { label: string; stages: FailoverStep[][]; minutes: Record<FailoverStep, number> };

/**
 * Per-step estimates from MULTI-REGION-DR.md. Stages run one after another; the steps inside a
 * stage run in parallel (the runbook's DAG: scaling and both restores do not wait for each other).
 * - cold: the plan's manual-failover timeline (T+15 AKS, T+45 Qdrant, T+60 Redis, T+90 Front Door, T+120 validated).
 * - warm: the secondary already runs and restores snapshots continuously, so Qdrant only catches up
 *   to the newest snapshot; sized to the plan's 1 h warm RTO ("scale up + DNS switch").
 * - active-active: Front Door's automatic failover (3 failed probes × 30 s), then validation.
 */
export const FAILOVER_PLANS: Record<DeploymentModel, Plan> = {
  cold: {
    label: 'cold standby',
    stages: [['scale-aks', 'restore-qdrant', 'restore-redis'], ['switch-front-door'], ['validate']],
    minutes: { 'scale-aks': 15, 'restore-qdrant': 30, 'restore-redis': 15, 'switch-front-door': 30, validate: 30 },
  },
  warm: {
    label: 'warm standby',
    stages: [['scale-aks', 'restore-qdrant', 'restore-redis'], ['switch-front-door'], ['validate']],
    minutes: { 'scale-aks': 15, 'restore-qdrant': 15, 'restore-redis': 15, 'switch-front-door': 15, validate: 15 },
  },
  'active-active': {
    label: 'active-active',
    stages: [['switch-front-door'], ['validate']],
    minutes: { 'scale-aks': 0, 'restore-qdrant': 0, 'restore-redis': 0, 'switch-front-door': 1.5, validate: 3 },
  },
};

export type RtoInput = {
  deploymentModel: DeploymentModel;
  objectiveMinutes: number;
  lastMeasured: MeasuredRecovery | null;
  /** Overrides of the plan's per-step minutes (config `rto.stepEstimatesMinutes`). */
  stepEstimatesMinutes?: Partial<Record<FailoverStep, number>>;
};

const round = (minutes: number) => Math.round(minutes * 10) / 10;

/** The newest measured drill or failover when there is one; otherwise the plan's steps for the deployment model. */
export function estimateRto(input: RtoInput): RtoEstimate {
  const objectiveMinutes = input.objectiveMinutes;
  if (input.lastMeasured) {
    const { rtoMinutes, at, kind } = input.lastMeasured;
    return {
      minutes: round(rtoMinutes),
      objectiveMinutes,
      withinObjective: rtoMinutes <= objectiveMinutes,
      basis: kind === 'drill' ? 'measured-drill' : 'measured-failover',
      detail: `measured in the ${kind} of ${at.toISOString()}`,
    };
  }
  const plan = FAILOVER_PLANS[input.deploymentModel];
  const minutesOf = (step: FailoverStep) => input.stepEstimatesMinutes?.[step] ?? plan.minutes[step];
  const stageMinutes = plan.stages.map((stage) => Math.max(...stage.map(minutesOf)));
  const total = stageMinutes.reduce((sum, minutes) => sum + minutes, 0);
  const stages = plan.stages.map((stage, index) => {
    const steps = stage.map((step) => `${step} ${round(minutesOf(step))} min`).join(' ∥ ');
    return stage.length > 1 ? `(${steps}: longest ${round(stageMinutes[index] ?? 0)} min)` : steps;
  });
  return {
    minutes: round(total),
    objectiveMinutes,
    withinObjective: total <= objectiveMinutes,
    basis: 'plan-estimate',
    detail: `no measured drill yet; ${plan.label} plan: ${stages.join(' → ')} = ${round(total)} min (∥ = in parallel, → = one after another)`,
  };
}
