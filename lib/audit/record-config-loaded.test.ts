import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config/load-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { configDigest, recordConfigLoaded } from './record-config-loaded';
import { verifyAuditChain } from './verify-audit-chain';

let t: TestDatabase;
let config: LifeboatConfig;
beforeAll(async () => {
  t = await createTestDatabase();
  config = parseConfig(await readFile('config/lab.yaml', 'utf8'), 'config/lab.yaml', process.env);
});
afterAll(async () => t?.drop());

const by = (region: string) => ({ process: 'worker', region, source: 'config/lab.yaml' });
const loadedEvents = () => t.db.auditEvent.findMany({ where: { action: 'config.loaded' }, orderBy: { seq: 'asc' } });

describe('recordConfigLoaded', () => {
  it('records a configuration once, however many workers start with it at the same moment', async () => {
    const results = await Promise.all([recordConfigLoaded(t.db, config, by('canadacentral')), recordConfigLoaded(t.db, config, by('canadaeast')), recordConfigLoaded(t.db, config, by('canadaeast'))]);
    expect(results.filter((result) => result.recorded)).toHaveLength(1);
    const events = await loadedEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: 'system', targetType: 'config', targetId: configDigest(config), payload: { digest: configDigest(config), source: 'config/lab.yaml' } });
    expect((await recordConfigLoaded(t.db, config, by('canadacentral'))).recorded).toBe(false);
  });

  it('records a changed configuration again, under its own digest, and keeps the chain intact', async () => {
    const changed = { ...config, objectives: { ...config.objectives, rpoMinutes: config.objectives.rpoMinutes + 1 } };
    expect(configDigest(changed)).not.toBe(configDigest(config));
    expect((await recordConfigLoaded(t.db, changed, by('canadacentral'))).recorded).toBe(true);
    expect((await loadedEvents()).map((event) => event.targetId)).toEqual([configDigest(config), configDigest(changed)]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
