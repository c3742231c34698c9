import type { ChangePlan } from './change-plan';

/** What a step's record tells the measurement: when it ended and what it restored. */
export type MeasuredStep = { stepId: string; state: string; finishedAt: Date | null; output: Record<string, unknown> | null };

export type RecoveryMeasurement = {
  /** The request's creation: the moment the disaster was declared (a drill: its simulated failure). */
  declaredAt: Date;
  /** When the old region started failing (probes; a drill: its simulated failure), else the declaration. */
  failureAt: Date;
  /** When the first validation through Front Door passed in the new region. */
  servingAt: Date;
  /** The oldest data the new region got back: the worst of the restored snapshots and backups. */
  dataAsOf: Date | null;
  rtoSeconds: number;
  rpoSeconds: number | null;
};

const DATA_FIELDS: Record<string, string> = { 'restore-qdrant-collection': 'snapshotCreatedAt', 'restore-redis': 'takenAt' };

/** Every step `stepId` waits for, directly or not. */
function ancestorsOf(plan: ChangePlan, stepId: string): Set<string> {
  const byId = new Map(plan.steps.map((step) => [step.id, step]));
  const seen = new Set<string>();
  const visit = (id: string) => {
    for (const dependency of byId.get(id)?.dependsOn ?? []) {
      if (!seen.has(dependency)) {
        seen.add(dependency);
        visit(dependency);
      }
    }
  };
  visit(stepId);
  return seen;
}

/** When a drill's simulated failure took effect: its succeeded simulate-region-failure step's end. */
/** When a drill's simulated region failure took effect: the end of its succeeded simulate step; null otherwise. */
export function simulatedFailureAt(plan: ChangePlan, records: ReadonlyMap<string, Pick<MeasuredStep, 'state' | 'finishedAt'>>): Date | null {
  const simulate = plan.steps.find((step) => step.action === 'simulate-region-failure');
  const record = simulate ? records.get(simulate.id) : undefined;
  return record?.state === 'succeeded' && record.finishedAt ? record.finishedAt : null;
}

/**
 * RTO = declared → serving (the first passed validate-serving step); RPO = failure → the oldest data
 * restored before that validation (failbacks carry the data back, so they have no RPO). Null until
 * a validation has passed. A drill's simulated failure is both its declaration and its failure.
 */
export function measureRecovery(input: { plan: ChangePlan; steps: readonly MeasuredStep[]; declaredAt: Date; failureAt: Date | null }): RecoveryMeasurement | null {
  const { plan, steps } = input;
  const records = new Map(steps.map((step) => [step.stepId, step]));
  const validations = plan.steps
    .filter((step) => step.action === 'validate-serving')
    .map((step) => ({ step, record: records.get(step.id) }))
    .filter((item) => item.record?.state === 'succeeded' && item.record.finishedAt)
    .sort((a, b) => (a.record?.finishedAt?.getTime() ?? 0) - (b.record?.finishedAt?.getTime() ?? 0));
  const serving = validations[0];
  const servingAt = serving?.record?.finishedAt;
  if (!serving || !servingAt) return null;
  const simulated = simulatedFailureAt(plan, records);
  const declaredAt = simulated ?? input.declaredAt;
  const failureAt = simulated ?? input.failureAt ?? input.declaredAt;
  const before = ancestorsOf(plan, serving.step.id);
  const dataTimes = plan.steps
    .filter((step) => before.has(step.id) && step.action in DATA_FIELDS && records.get(step.id)?.state === 'succeeded')
    .map((step) => records.get(step.id)?.output?.[DATA_FIELDS[step.action] ?? ''])
    .filter((value): value is string => typeof value === 'string')
    .map((value) => new Date(value))
    .filter((date) => !Number.isNaN(date.getTime()));
  const dataAsOf = plan.kind === 'failback' || dataTimes.length === 0 ? null : new Date(Math.min(...dataTimes.map((date) => date.getTime())));
  return {
    declaredAt,
    failureAt,
    servingAt,
    dataAsOf,
    rtoSeconds: Math.max(0, Math.round((servingAt.getTime() - declaredAt.getTime()) / 1000)),
    rpoSeconds: dataAsOf ? Math.max(0, Math.round((failureAt.getTime() - dataAsOf.getTime()) / 1000)) : null,
  };
}
