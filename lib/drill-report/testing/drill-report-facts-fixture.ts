import type { DrillReportFacts, PreviousDrillRecord } from '@/lib/db/drill-report/drill-report-facts';
import type { MeasuredRunRecord } from '@/lib/db/runbooks/measured-run-record';
import type { RunbookStepRecord } from '@/lib/db/runbooks/runbook-record';
import type { ChangePlan, PlanAction } from '@/lib/domain/change-plan';

// Tests only: a drill that ran (check → switch → validate), its request and an earlier drill, built by hand.

export const DRILL_ID = '6f1c1f9e-5d2a-4c2b-9a51-0d6e1b2a3c4d';
export const RUN_ID = '0a4f5b7e-9c1d-4e2f-8a3b-5c6d7e8f9a0b';
export const REQUEST_ID = '2b3c4d5e-6f70-4812-9345-6789abcdef01';
const T0 = Date.parse('2026-11-20T02:00:00Z');
export const at = (seconds: number) => new Date(T0 + seconds * 1000);

const planStep = (id: string, action: PlanAction, dependsOn: string[]) => ({ id, action, title: `Step ${id}`, target: `target-${id}`, params: {}, dependsOn, optional: false, estimateMinutes: 5 });
export const DRILL_PLAN: ChangePlan = {
  kind: 'drill',
  fromRegion: 'canadacentral',
  toRegion: 'canadaeast',
  steps: [planStep('check', 'check-health', []), planStep('switch', 'switch-route', ['check']), planStep('validate', 'validate-serving', ['switch'])],
};

const stepRecord = (stepId: string, action: string, from: number, to: number, extra: Partial<RunbookStepRecord> = {}): RunbookStepRecord => ({
  stepId,
  action,
  state: 'succeeded',
  attempt: 1,
  idempotencyKey: `${RUN_ID}:${stepId}`,
  optional: false,
  startedAt: at(from),
  finishedAt: at(to),
  output: null,
  error: null,
  ...extra,
});

export function drillRun(overrides: Partial<MeasuredRunRecord> = {}): MeasuredRunRecord {
  return {
    id: RUN_ID,
    requestId: REQUEST_ID,
    kind: 'drill',
    planDigest: 'd'.repeat(64),
    plan: DRILL_PLAN,
    state: 'succeeded',
    dryRun: false,
    startedAt: at(0),
    finishedAt: at(900),
    abortRequestedAt: null,
    abortRequestedBy: null,
    error: null,
    executorId: null,
    leaseExpiresAt: null,
    declaredAt: at(-30),
    failureAt: at(-60),
    servingAt: at(600),
    dataAsOf: at(-360),
    rtoSeconds: 630,
    rpoSeconds: 300,
    steps: [
      stepRecord('check', 'check-health', 0, 20),
      stepRecord('switch', 'switch-route', 20, 200, { attempt: 3, error: null }),
      stepRecord('validate', 'validate-serving', 200, 600, { output: { healthRegion: 'canadaeast', queryTopHit: 'marker', authUser: 'lifeboat-smoke' } }),
    ],
    ...overrides,
  };
}

export function previousDrill(id: string, scheduledFor: string, rtoSeconds: number | null, state = 'succeeded'): PreviousDrillRecord {
  return {
    id,
    title: `Drill of ${scheduledFor.slice(0, 10)}`,
    scheduledFor: new Date(scheduledFor),
    participants: [{ userName: 'Omar Operator', confirmedAt: new Date(scheduledFor) }],
    run: { id: `run-${id}`, state, startedAt: new Date(scheduledFor), finishedAt: null, servingAt: null, rtoSeconds, rpoSeconds: 120, steps: [{ stepId: 'validate', action: 'validate-serving', state: 'succeeded', output: {}, error: null }] },
  };
}

export function drillFacts(overrides: Partial<DrillReportFacts> = {}): DrillReportFacts {
  return {
    drill: {
      id: DRILL_ID,
      title: 'Q4 drill',
      environment: 'lab',
      scheduledFor: at(-3600),
      state: 'ran',
      createdByName: 'Ada Architect',
      createdAt: new Date('2026-11-01T09:00:00Z'),
      lessonsLearned: 'Scaling AKS took longest.',
      followUps: [{ id: 'f1', text: 'Pre-scale the standby pool', owner: 'Ada Architect', dueDate: '2026-12-15', done: false }],
      participants: [
        { userId: 'operator', userName: 'Omar Operator', role: 'Operator', confirmedAt: at(1000), comment: 'followed the runbook' },
        { userId: 'architect', userName: 'Ada Architect', role: 'Architect', confirmedAt: at(1100), comment: null },
      ],
    },
    request: {
      id: REQUEST_ID,
      kind: 'drill',
      reason: 'quarterly drill',
      state: 'done',
      plan: DRILL_PLAN,
      planDigest: 'd'.repeat(64),
      preflight: { at: at(-600).toISOString(), findings: [], expectedDataLossSeconds: 300, readiness: 'READY', servingRegion: 'canadacentral', openAlerts: [] },
      requestedById: 'operator',
      requestedByName: 'Omar Operator',
      requestedAt: at(-600),
      expiresAt: at(3000),
      approversRequired: 2,
      breakGlass: false,
      justification: null,
      needsReview: false,
      executionStartedAt: at(0),
      finishedAt: at(900),
      decisions: [1, 2, 3].map((n) => ({
        id: String(n),
        approverId: `approver${n}`,
        approverName: `Approver ${n}`,
        approverRoles: ['Approver'],
        decision: 'approve' as const,
        comment: 'ok',
        planDigest: n === 3 ? 'e'.repeat(64) : 'd'.repeat(64),
        expiresAt: at(1200),
        voidedAt: n === 3 ? at(-500) : null,
        decidedAt: at(-400 + n),
        authTime: at(-400),
        breakGlass: false,
      })),
      transitions: [],
    },
    run: drillRun(),
    previous: [previousDrill('d-2026-08', '2026-08-20T02:00:00Z', 1500), previousDrill('d-2026-05', '2026-05-20T02:00:00Z', 20_000)],
    ...overrides,
  };
}
