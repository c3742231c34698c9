import { describe, expect, it } from 'vitest';
import { buildChangePlan } from './build-change-plan';
import { measureRecovery, type MeasuredStep } from './measure-recovery';
import { TEST_TOPOLOGY } from './testing/plan-topology-fixture';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 10, minute));
const LAB = { ...TEST_TOPOLOGY, labControlUrl: 'http://127.0.0.1:9' };

/** Every step of the plan succeeded at `finish(stepId)`; restores carry their data's age. */
function records(stepIds: string[], finish: (stepId: string) => Date): MeasuredStep[] {
  return stepIds.map((stepId) => ({
    stepId,
    state: 'succeeded',
    finishedAt: finish(stepId),
    output: stepId.includes('restore-qdrant') ? { snapshotCreatedAt: at(0).toISOString() } : stepId.includes('restore-redis') ? { takenAt: at(5).toISOString() } : null,
  }));
}

describe('measureRecovery', () => {
  it('a failover: RTO from the declaration, RPO from the first failing probe to the oldest data restored', () => {
    const plan = buildChangePlan('failover', TEST_TOPOLOGY);
    const steps = records(plan.steps.map((step) => step.id), (id) => (id === 'validate' ? at(40) : at(30)));
    expect(measureRecovery({ plan, steps, declaredAt: at(20), failureAt: at(15) })).toMatchObject({ declaredAt: at(20), failureAt: at(15), servingAt: at(40), dataAsOf: at(0), rtoSeconds: 20 * 60, rpoSeconds: 15 * 60 });
  });

  it('a drill with a simulated failure measures RTO and RPO from that failure, not from the request or the probes', () => {
    const plan = buildChangePlan('drill', LAB, { environment: 'lab' });
    const steps = records(plan.steps.map((step) => step.id), (id) => (id === 'simulate-region-failure' ? at(25) : id === 'failover/validate' ? at(45) : id.startsWith('failback/') ? at(55) : at(35)));
    expect(measureRecovery({ plan, steps, declaredAt: at(20), failureAt: at(10) })).toMatchObject({ declaredAt: at(25), failureAt: at(25), servingAt: at(45), dataAsOf: at(0), rtoSeconds: 20 * 60, rpoSeconds: 25 * 60 });
  });

  it('a simulated failure that did not succeed is not a measurement point; nothing is measured before serving', () => {
    const plan = buildChangePlan('drill', LAB, { environment: 'lab' });
    const steps = records(plan.steps.map((step) => step.id), () => at(45)).map((step) => (step.stepId === 'simulate-region-failure' ? { ...step, state: 'failed' } : step));
    expect(measureRecovery({ plan, steps, declaredAt: at(20), failureAt: null })).toMatchObject({ declaredAt: at(20), failureAt: at(20), rtoSeconds: 25 * 60 });
    expect(measureRecovery({ plan, steps: [], declaredAt: at(20), failureAt: null })).toBeNull();
  });
});
