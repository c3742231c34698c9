import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { listDrills } from './list-drills';
import { readDrill } from './read-drill';
import { insertTestDrill } from './testing/insert-test-drill';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('lifeboat_list_drills');
});
afterAll(async () => test?.drop());

describe('listDrills', () => {
  it('reads only the smoke-test steps of each real run, the rest of the drill as readDrill does', async () => {
    const { drillId } = await insertTestDrill(test.db, { title: 'Listed drill', run: { rtoSeconds: 600, rpoSeconds: 60 } });
    const [listed] = await listDrills(test.db);
    const full = await readDrill(test.db, drillId);
    expect(full?.run?.steps.map((s) => s.action)).toEqual(['check-health', 'switch-route', 'validate-serving']);
    expect(listed?.run?.steps.map((s) => [s.stepId, s.action, s.state])).toEqual([['failover/validate', 'validate-serving', 'succeeded']]);
    expect({ ...listed, run: { ...listed?.run, steps: [] } }).toEqual({ ...full, run: { ...full?.run, steps: [] } });
  });
});
