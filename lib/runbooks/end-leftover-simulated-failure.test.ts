import { describe, expect, it } from 'vitest';
import type { RunbookRunRecord, RunState, StepState } from '@/lib/db/runbooks/runbook-record';
import { buildChangePlan } from '@/lib/domain/build-change-plan';
import type { ChangePlan } from '@/lib/domain/change-plan';
import { TEST_TOPOLOGY } from '@/lib/domain/testing/plan-topology-fixture';
import { endLeftoverSimulatedFailure } from './end-leftover-simulated-failure';
import type { StepHandler, StepRegistry } from './step-handler';

const DRILL = buildChangePlan('drill', { ...TEST_TOPOLOGY, labControlUrl: 'http://127.0.0.1:8090' }, { environment: 'lab' });

function runOf(plan: ChangePlan, state: RunState, states: Partial<Record<string, StepState>>): RunbookRunRecord {
  const steps = plan.steps.map((step) => ({ stepId: step.id, action: step.action, state: states[step.action] ?? 'skipped', attempt: 1, idempotencyKey: `run-1:${step.id}`, optional: step.optional, startedAt: null, finishedAt: null, output: null, error: null }));
  return { id: 'run-1', requestId: 'request-1', kind: plan.kind, planDigest: 'digest', plan, state, dryRun: false, startedAt: new Date(), finishedAt: new Date(), abortRequestedAt: null, abortRequestedBy: null, error: 'stopped', steps };
}

/** A registry whose end-region-failure handler records what it was asked; the other actions are never called. */
function recordingRegistry(end: Partial<StepHandler>): { registry: StepRegistry; executed: string[] } {
  const executed: string[] = [];
  const handler: StepHandler = { describe: () => '', execute: async ({ step }) => (executed.push(step.id), {}), ...end };
  return { registry: new Proxy({} as StepRegistry, { get: () => handler }), executed };
}

describe('ending a stopped drill’s simulated failure', () => {
  it('ends it when the drill failed after the failure was simulated', async () => {
    const { registry, executed } = recordingRegistry({ check: async () => 'not-done' });
    const note = await endLeftoverSimulatedFailure(runOf(DRILL, 'failed', { 'simulate-region-failure': 'succeeded' }), registry);
    expect(executed).toEqual(['end-region-failure']);
    expect(note).toMatch(/simulated failure was ended/);
  });

  it('ends it after an abort too, even when the simulating step itself failed half-way', async () => {
    const { registry, executed } = recordingRegistry({});
    await endLeftoverSimulatedFailure(runOf(DRILL, 'aborted', { 'simulate-region-failure': 'failed' }), registry);
    expect(executed).toEqual(['end-region-failure']);
  });

  it('does not repeat it when check() finds the failure already ended (a close after a crash)', async () => {
    const { registry, executed } = recordingRegistry({ check: async () => 'done' });
    expect(await endLeftoverSimulatedFailure(runOf(DRILL, 'failed', { 'simulate-region-failure': 'succeeded' }), registry)).toMatch(/already ended/);
    expect(executed).toEqual([]);
  });

  it('says plainly when it could not, so the request and the audit log carry it', async () => {
    const { registry } = recordingRegistry({ execute: async () => Promise.reject(new Error('control API down')) });
    expect(await endLeftoverSimulatedFailure(runOf(DRILL, 'failed', { 'simulate-region-failure': 'succeeded' }), registry)).toMatch(/could NOT be ended: control API down; end it by hand/);
  });

  it('leaves alone a drill that ended its failure, never simulated one, or succeeded, and every other kind', async () => {
    const { registry, executed } = recordingRegistry({});
    expect(await endLeftoverSimulatedFailure(runOf(DRILL, 'failed', { 'simulate-region-failure': 'succeeded', 'end-region-failure': 'succeeded' }), registry)).toBeNull();
    expect(await endLeftoverSimulatedFailure(runOf(DRILL, 'failed', { 'announce-drill': 'failed' }), registry)).toBeNull();
    expect(await endLeftoverSimulatedFailure(runOf(DRILL, 'succeeded', { 'simulate-region-failure': 'succeeded' }), registry)).toBeNull();
    expect(await endLeftoverSimulatedFailure(runOf(buildChangePlan('failover', TEST_TOPOLOGY), 'failed', {}), registry)).toBeNull();
    expect(executed).toEqual([]);
  });
});
