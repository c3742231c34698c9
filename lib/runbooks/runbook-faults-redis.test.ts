import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveTestRequest } from '@/lib/approvals/testing/approve-test-request';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { readRunbookRun } from '@/lib/db/runbooks/read-runbook-run';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { applyFault } from '@/lab/supervisor/apply-fault';
import { executeRunbookWork } from './execute-runbook-work';
import { labOptions, servingRegion } from './steps/lab-step-fixtures';
import { createStepRegistry } from './steps/create-step-registry';
import { prepareLabBackups } from './testing/prepare-lab-backups';
import { readLabRoute } from './testing/read-lab-route';

// A lab of its own: this failover ends on the secondary, which the chain in runbook-faults.test.ts must not inherit.
let lab: ProbeLab;
let database: TestDatabase;

beforeAll(async () => {
  [lab, database] = await Promise.all([startProbeLab(), createTestDatabase('lifeboat_runbook_redis')]);
  await prepareLabBackups(database.db, lab);
}, 180_000);

afterAll(async () => {
  await lab?.stop();
  await database?.drop();
});

describe('failover without the secondary Redis, against the lab', () => {
  it('the optional Redis restore fails: the run ends degraded, Front Door serves the secondary, the request is done', async () => {
    const fd = lab.config.components.frontDoor;
    await applyFault(lab.lab, { name: 'stop', args: ['redis', 'secondary'] });
    try {
      const request = await approveTestRequest(database.db, lab.config, 'failover', 'failover while the secondary cache is down');
      const outcome = await executeRunbookWork(database.db, { requestId: request.id, runId: null }, createStepRegistry(database.db, lab.config, labOptions(lab)));

      expect(outcome.result).toMatchObject({ state: 'degraded', error: 'optional steps failed: restore-redis' });
      expect(outcome.requestState).toBe('done');
      expect((await readChangeRequest(database.db, request.id))?.state).toBe('done');
      const steps = (await readRunbookRun(database.db, outcome.runId ?? ''))?.steps ?? [];
      const redis = steps.find((step) => step.stepId === 'restore-redis');
      expect(redis).toMatchObject({ state: 'failed', optional: true });
      expect(redis?.error).toMatch(/^attempt 3: secondary Redis: .*ECONNREFUSED/);
      expect(steps.filter((step) => step.stepId !== 'restore-redis').map((step) => `${step.stepId} ${step.state}`)).toEqual(
        steps.filter((step) => step.stepId !== 'restore-redis').map((step) => `${step.stepId} succeeded`),
      );
      expect((await readLabRoute(lab)).originGroup).toBe(fd.originGroups.secondary);
      expect(await servingRegion(lab)).toBe('200 canadaeast');
    } finally {
      await applyFault(lab.lab, { name: 'start', args: ['redis', 'secondary'] });
    }
  }, 240_000);
});
