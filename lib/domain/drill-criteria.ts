import { describeDuration } from './describe-duration';

/** The recovery objectives a drill is judged against (from the configuration). */
export type Objectives = { rtoMinutes: number; rpoMinutes: number };

/** What a drill is judged on: its run's measurements and steps, and its participants' confirmations. */
export type DrillEvidence = {
  objectives: Objectives;
  run: {
    state: string;
    rtoSeconds: number | null;
    rpoSeconds: number | null;
    steps: readonly { stepId: string; action: string; state: string; output: Record<string, unknown> | null; error: string | null }[];
  } | null;
  participants: readonly { userName: string; confirmedAt: Date | null }[];
};

export type CriterionId = 'rto' | 'rpo' | 'smoke' | 'confirmed';
/** `passed` null: not known yet (the run has not measured it, someone has not confirmed). */
export type DrillCriterion = { id: CriterionId; label: string; passed: boolean | null; evidence: string };
export type DrillVerdict = { criteria: DrillCriterion[]; passed: boolean | null };
/** A drill's verdict in one word: every criterion held, one failed, or something is not known yet. */
export type DrillResult = 'passed' | 'failed' | 'open';

export function drillResult(verdict: DrillVerdict): DrillResult {
  return verdict.passed === true ? 'passed' : verdict.passed === false ? 'failed' : 'open';
}

function withinObjective(id: 'rto' | 'rpo', label: string, measured: number | null | undefined, objectiveMinutes: number): DrillCriterion {
  const objective = `objective ${objectiveMinutes} min`;
  if (measured === null || measured === undefined) return { id, label, passed: null, evidence: `not measured (${objective})` };
  const passed = measured <= objectiveMinutes * 60;
  return { id, label, passed, evidence: `measured ${describeDuration(measured)} (${measured} s), ${passed ? 'within' : 'beyond'} the ${objective}` };
}

function smokeTests(run: DrillEvidence['run']): DrillCriterion {
  const label = 'Every smoke test passed (health, ingest, query, auth)';
  const checks = run?.steps.filter((step) => step.action === 'validate-serving') ?? [];
  if (checks.length === 0) return { id: 'smoke', label, passed: null, evidence: 'no smoke test has run' };
  const failed = checks.filter((step) => step.state === 'failed');
  if (failed.length > 0) return { id: 'smoke', label, passed: false, evidence: failed.map((step) => `${step.stepId} failed: ${step.error ?? 'no reason recorded'}`).join('; ') };
  const pending = checks.filter((step) => step.state !== 'succeeded');
  if (pending.length > 0) return { id: 'smoke', label, passed: run?.state === 'running' ? null : false, evidence: pending.map((step) => `${step.stepId} ${step.state}`).join('; ') };
  const passedWith = checks.map((step) => `${step.stepId}: /health from ${String(step.output?.healthRegion ?? '?')}, query hit ${String(step.output?.queryTopHit ?? '?')}, token for ${String(step.output?.authUser ?? '?')}`);
  return { id: 'smoke', label, passed: true, evidence: passedWith.join('; ') };
}

function confirmations(participants: DrillEvidence['participants']): DrillCriterion {
  const label = 'Every participant confirmed they followed the runbook';
  if (participants.length === 0) return { id: 'confirmed', label, passed: false, evidence: 'no participants recorded' };
  const missing = participants.filter((p) => !p.confirmedAt).map((p) => p.userName);
  if (missing.length > 0) return { id: 'confirmed', label, passed: null, evidence: `waiting for ${missing.join(', ')}` };
  return { id: 'confirmed', label, passed: true, evidence: `confirmed by ${participants.map((p) => p.userName).join(', ')}` };
}

/**
 * The DR plan's drill success criteria, judged from measured data: the secondary served within the
 * RTO, data loss within the RPO, every smoke test passed, every participant confirmed. The drill
 * passed when all hold, failed as soon as one fails, and is open (null) otherwise.
 */
export function evaluateDrillCriteria(evidence: DrillEvidence): DrillVerdict {
  const criteria = [
    withinObjective('rto', 'Secondary operational within the RTO objective', evidence.run?.rtoSeconds, evidence.objectives.rtoMinutes),
    withinObjective('rpo', 'Data loss within the RPO objective', evidence.run?.rpoSeconds, evidence.objectives.rpoMinutes),
    smokeTests(evidence.run),
    confirmations(evidence.participants),
  ];
  const failedRun = evidence.run !== null && ['failed', 'aborted'].includes(evidence.run.state);
  const passed = failedRun || criteria.some((c) => c.passed === false) ? false : criteria.every((c) => c.passed === true) ? true : null;
  return { criteria, passed };
}
