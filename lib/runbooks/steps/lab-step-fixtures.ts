import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlanAction, PlanParams, PlanStep } from '@/lib/domain/change-plan';
import type { ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import type { StepContext } from '../step-handler';
import type { StepOptions } from './step-options';

/** Tests: a plan step of this action with these params. */
export function labStep(id: string, action: PlanAction, params: PlanParams): PlanStep {
  return { id, action, title: id, target: `test/${id}`, params, dependsOn: [], optional: false, estimateMinutes: 1 };
}

/** Tests: what the engine hands a handler, for a direct call. */
export function labContext(step: PlanStep, attempt = 1, firstStartedAt = new Date()): StepContext {
  return { runId: 'run-test', plan: { kind: 'failover', fromRegion: 'canadacentral', toRegion: 'canadaeast', steps: [step] }, step, attempt, idempotencyKey: `run-test:${step.id}`, signal: AbortSignal.timeout(120_000), firstStartedAt };
}

/** Tests: fast polling and a short soak, trusting the lab certificate. */
export const labOptions = (lab: ProbeLab, extra: StepOptions = {}): StepOptions => ({ caPem: lab.caPem, pollIntervalMs: 100, soak: { samples: 3, intervalMs: 100 }, validateDeadlineMs: 10_000, ...extra });

/** Tests: the ARM emulator's record of accepted writes (one operation per PUT/PATCH), from its state file. */
export async function armOperations(lab: ProbeLab): Promise<{ id: string; target: { kind: string; key: string } }[]> {
  const stateDir = path.dirname(path.dirname(lab.lab.tls.certPath));
  const state = JSON.parse(await readFile(path.join(stateDir, 'arm', 'arm-state.json'), 'utf8')) as { operations: Record<string, { id: string; target: { kind: string; key: string } }> };
  return Object.values(state.operations);
}

/** Tests: which region served a GET of the public URL's /health. */
export async function servingRegion(lab: ProbeLab): Promise<string> {
  const answer = await fetch(`${lab.config.components.frontDoor.publicUrl}/health`);
  const body = (await answer.json()) as { region?: string };
  return `${answer.status} ${body.region ?? '?'}`;
}
