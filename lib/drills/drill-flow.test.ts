import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approver, architect, operator } from '@/lib/actions/testing/test-actors';
import { decideOnChangeRequest } from '@/lib/approvals/decide-on-change-request';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { Preflight } from '@/lib/db/approvals/change-request-record';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { readDrill } from '@/lib/db/drills/read-drill';
import { readRunbookRun } from '@/lib/db/runbooks/read-runbook-run';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { deliverPendingChangeNotifications } from '@/lib/notify/change/deliver-pending-change-notifications';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { executeRunbookWork } from '@/lib/runbooks/execute-runbook-work';
import { createStepRegistry } from '@/lib/runbooks/steps/create-step-registry';
import { labOptions, servingRegion } from '@/lib/runbooks/steps/lab-step-fixtures';
import { prepareLabBackups } from '@/lib/runbooks/testing/prepare-lab-backups';
import { closeFinishedDrills } from './close-finished-drills';
import { evaluateDrill } from './evaluate-drill';
import { requestDrillRun } from './request-drill-run';
import { scheduleDrill } from './schedule-drill';

let lab: ProbeLab;
let database: TestDatabase;
let config: LifeboatConfig;

const PREFLIGHT: Preflight = { at: new Date().toISOString(), findings: [], expectedDataLossSeconds: 0, readiness: 'READY', servingRegion: 'canadacentral', openAlerts: [] };

beforeAll(async () => {
  [lab, database] = await Promise.all([startProbeLab(), createTestDatabase('lifeboat_drill_flow')]);
  // The lab's inbox as the one notification target, so the announcement is a real delivered message.
  config = { ...lab.config, notifications: { targets: [{ kind: 'webhook', name: 'drill-inbox', optional: false, urlEnv: 'DRILL_FLOW_HOOK_URL' }] } };
  await prepareLabBackups(database.db, lab);
}, 180_000);

afterAll(async () => {
  await lab?.stop();
  await database?.drop();
});

const inboxUrl = () => lab.lab.entries.find((entry) => entry.component === 'inbox')?.url ?? '';

describe('a lab drill executed through its approved drill request', () => {
  it('announces, takes the primary down, fails over, serves from the secondary, ends the failure, fails back, and measures from the simulated failure', async () => {
    expect(await servingRegion(lab)).toBe('200 canadacentral');
    const users = [operator, architect].map((p) => ({ id: p.userId, name: p.name, roles: [...p.roles] }));
    const { id: drillId } = await database.db.$transaction((tx) => scheduleDrill(tx, operator, { title: 'Q4 drill', scheduledFor: new Date(Date.now() + 30 * 60_000), environment: 'lab', participantIds: ['operator', 'architect'] }, users));
    const { requestId, planDigest } = await database.db.$transaction((tx) => requestDrillRun(tx, config, operator, drillId, PREFLIGHT));
    for (const n of [1, 2]) {
      await database.db.$transaction((tx) => decideOnChangeRequest(tx, config, approver(n), { id: requestId, decision: 'approve', comment: 'drill plan checked', digestSeen: planDigest }));
    }

    const outcome = await executeRunbookWork(database.db, { requestId, runId: null }, createStepRegistry(database.db, config, labOptions(lab)));
    expect(outcome.result).toMatchObject({ state: 'succeeded', error: null });
    expect(outcome.requestState).toBe('done');
    expect(await servingRegion(lab)).toBe('200 canadacentral');

    const run = await readRunbookRun(database.db, outcome.runId ?? '');
    const steps = run?.steps ?? [];
    expect(steps.map((step) => `${step.stepId} ${step.state}`)).toEqual(steps.map((step) => `${step.stepId} succeeded`));
    const step = (id: string) => steps.find((s) => s.stepId === id);
    expect(step('announce-drill')?.output).toMatchObject({ requestId, targets: ['drill-inbox'], queued: 1 });
    expect(step('simulate-region-failure')?.output).toMatchObject({ environment: 'lab', method: 'lab-fault', fault: 'region-down', region: 'primary' });
    expect(step('failover/validate')?.output).toMatchObject({ healthRegion: 'canadaeast', authUser: 'lifeboat-smoke' });
    expect(step('end-region-failure')?.output).toMatchObject({ fault: 'region-up' });
    expect(step('failback/validate')?.output).toMatchObject({ healthRegion: 'canadacentral' });
    // In order: the failure, serving from the secondary, the failure's end, the failback.
    const simulatedAt = step('simulate-region-failure')?.finishedAt?.getTime() ?? Infinity;
    expect(step('failover/check-target')?.startedAt?.getTime()).toBeGreaterThanOrEqual(simulatedAt);
    expect(step('end-region-failure')?.startedAt?.getTime()).toBeGreaterThanOrEqual(step('failover/validate')?.finishedAt?.getTime() ?? Infinity);
    expect(step('failback/check-target')?.startedAt?.getTime()).toBeGreaterThanOrEqual(step('end-region-failure')?.finishedAt?.getTime() ?? Infinity);

    const measured = await database.db.runbookRun.findUniqueOrThrow({ where: { id: run?.id ?? '' } });
    expect(measured.declaredAt?.getTime()).toBe(simulatedAt);
    expect(measured.failureAt?.getTime()).toBe(simulatedAt);
    expect(measured.servingAt?.getTime()).toBe(step('failover/validate')?.finishedAt?.getTime());
    expect(measured.rtoSeconds).toBe(Math.max(0, Math.round(((measured.servingAt?.getTime() ?? 0) - simulatedAt) / 1000)));
    expect(measured.rpoSeconds).toBeGreaterThanOrEqual(0);
    expect((await readChangeRequest(database.db, requestId))?.state).toBe('done');

    // The announcement reaches the lab inbox through the change outbox.
    const report = await deliverPendingChangeNotifications(database.db, { targets: config.notifications.targets, env: { DRILL_FLOW_HOOK_URL: `${inboxUrl()}/webhook` } });
    expect(report.failed).toBe(0);
    const received = (await (await fetch(`${inboxUrl()}/received`)).json()) as { path: string; body: { event?: string; text?: string } }[];
    const announcement = received.find((r) => r.body.event === 'drill-started');
    expect(announcement?.path).toBe('/webhook');
    expect(announcement?.body.text).toContain('participants: Omar Operator, Ada Architect');

    expect(await closeFinishedDrills(database.db, { onlyId: drillId })).toEqual([{ id: drillId, state: 'ran', requestState: 'done' }]);
    const drill = await readDrill(database.db, drillId);
    expect(drill?.state).toBe('ran');
    const verdict = evaluateDrill(drill!, config.objectives);
    expect(verdict.criteria.map((c) => [c.id, c.passed])).toEqual([
      ['rto', true],
      ['rpo', true],
      ['smoke', true],
      ['confirmed', null],
    ]);
  }, 300_000);
});
