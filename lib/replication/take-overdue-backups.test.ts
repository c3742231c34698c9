import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLab } from '@/lab/supervisor/seed-lab';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { takeOverdueBackups } from './take-overdue-backups';

let lab: ProbeLab;
let database: TestDatabase;

beforeAll(async () => {
  [lab, database] = await Promise.all([startProbeLab(), createTestDatabase('lifeboat_overdue_backups')]);
  for (const collection of lab.config.components.qdrant.primary.collections) await seedLab(lab.lab, collection, () => undefined);
}, 180_000);

afterAll(async () => {
  await lab?.stop();
  await database?.drop();
});

describe('backups at start-up', () => {
  it('takes a snapshot per collection and a verified Redis backup when none is within the RPO, and nothing when they are', async () => {
    const collections = lab.config.components.qdrant.primary.collections;
    const first = await takeOverdueBackups(database.db, lab.config, 'test');
    expect(first).toEqual([...collections.map((collection) => `snapshot of ${collection}: succeeded`), 'redis backup: verified']);
    expect(await takeOverdueBackups(database.db, lab.config, 'test')).toEqual([]);

    // Started again after downtime longer than the RPO: the newest backups no longer count.
    const later = new Date(Date.now() + (lab.config.objectives.rpoMinutes + 1) * 60_000);
    expect(await takeOverdueBackups(database.db, lab.config, 'test', later)).toEqual(first);
  }, 120_000);
});
