import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * Tests: a copy of the configuration at `source` whose replication schedules fire half an hour from
 * now (hourly, as the RPO check demands) and no standby Redis warm-up, so a spawned worker runs
 * only the runbook under test and no scheduled restore races it.
 */
export async function writeQuietWorkerConfig(source: string, now = new Date()): Promise<{ file: string; remove(): Promise<void> }> {
  const doc = parse(await readFile(source, 'utf8')) as { schedules?: Record<string, unknown> };
  const hourly = `${(now.getUTCMinutes() + 30) % 60} * * * *`;
  const { redisRestore: _warmUp, ...kept } = doc.schedules ?? {};
  const schedules = { ...kept, qdrantSnapshot: hourly, snapshotRestore: hourly, redisBackup: hourly, redisVerify: hourly, retention: hourly };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-worker-config-'));
  const file = path.join(dir, 'lab.yaml');
  await writeFile(file, stringify({ ...doc, schedules }));
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}
