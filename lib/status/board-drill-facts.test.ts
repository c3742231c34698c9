import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestDrill } from '@/lib/db/drills/testing/insert-test-drill';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { readStatusSnapshot } from './read-status-snapshot';

let test: TestDatabase;
const NOW = new Date('2026-11-24T12:00:00.000Z');
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000);

beforeAll(async () => {
  test = await createTestDatabase('lifeboat_board_drills');
});
afterAll(async () => test?.drop());

describe('the board: last successful and next drill', () => {
  it('says none before any drill, then shows both and changes its version', async () => {
    const before = await readStatusSnapshot(test.db, { window: '24h', now: NOW });
    expect(before.drills).toEqual({ lastSuccessful: null, next: null });

    const done = await insertTestDrill(test.db, { title: 'Q4 drill', scheduledFor: day(-7), run: { state: 'succeeded', startedAt: day(-7), servingAt: new Date(day(-7).getTime() + 1_800_000), rtoSeconds: 1_800, rpoSeconds: 600, smoke: 'succeeded' } });
    const next = await insertTestDrill(test.db, { title: 'Q1 drill', scheduledFor: day(80) });
    const after = await readStatusSnapshot(test.db, { window: '24h', now: NOW });
    expect(after.drills).toEqual({
      lastSuccessful: { id: done.drillId, title: 'Q4 drill', at: new Date(day(-7).getTime() + 1_800_000).toISOString(), rtoSeconds: 1_800, rpoSeconds: 600 },
      next: { id: next.drillId, title: 'Q1 drill', state: 'scheduled', scheduledFor: day(80).toISOString() },
    });
    expect(after.version).not.toBe(before.version);
  });
});
