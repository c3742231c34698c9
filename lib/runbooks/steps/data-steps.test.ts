import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listReplicationRuns } from '@/lib/db/replication/list-replication-runs';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import type { PlanAction, PlanStep } from '@/lib/domain/change-plan';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { newestVerifiedSnapshots } from '@/lib/replication/newest-verified-snapshots';
import { qdrantNode } from '@/lib/replication/qdrant-client';
import { backupRedisToBlob } from '@/lib/replication/redis-backup-to-blob';
import { snapshotBlobName } from '@/lib/replication/snapshot-manifest';
import { snapshotContainer } from '@/lib/replication/snapshot-container';
import { snapshotQdrantToBlob } from '@/lib/replication/snapshot-qdrant-to-blob';
import type { StepContext } from '../step-handler';
import { restoreQdrantCollectionStep } from './restore-qdrant-collection';
import { restoreRedisStep } from './restore-redis';
import { snapshotQdrantCollectionStep } from './snapshot-qdrant-collection';

const COLLECTION = 'runbook-docs';
const DIM = 16;
const POINTS = 1_000;

let lab: ProbeLab;
let database: TestDatabase;

/** A step context as the engine builds it: a fresh runbook run id per call, so each is its own run. */
function context(action: PlanAction, params: PlanStep['params'], runId = `run-${randomUUID()}`): StepContext {
  const step: PlanStep = { id: `${action}:${String(params.region)}`, action, title: action, target: action, params, dependsOn: [], optional: action === 'restore-redis', estimateMinutes: 1 };
  return { runId, plan: { kind: 'failover', fromRegion: 'primary', toRegion: 'secondary', steps: [step] }, step, attempt: 1, idempotencyKey: `${runId}:${step.id}`, signal: new AbortController().signal, firstStartedAt: new Date() };
}

async function upsert(region: 'primary' | 'secondary', from: number, count: number): Promise<void> {
  const points = Array.from({ length: count }, (_, i) => ({ id: from + i, vector: Array.from({ length: DIM }, () => Math.random() * 2 - 1), payload: { region } }));
  await qdrantNode(lab.config, region).client.upsert(COLLECTION, { wait: true, points });
}

async function points(region: 'primary' | 'secondary'): Promise<number> {
  return (await qdrantNode(lab.config, region).client.count(COLLECTION, { exact: true })).count;
}

function redis(region: 'primary' | 'secondary'): Redis {
  return new Redis(lab.config.components.redis[region].url);
}

async function keys(region: 'primary' | 'secondary'): Promise<number> {
  const client = redis(region);
  try {
    return await client.dbsize();
  } finally {
    client.disconnect();
  }
}

async function fill(region: 'primary' | 'secondary', prefix: string, count: number): Promise<void> {
  const client = redis(region);
  const batch = client.pipeline();
  for (let i = 0; i < count; i += 1) batch.set(`${prefix}:${i}`, `${prefix}-${i}`);
  await batch.exec();
  client.disconnect();
}

beforeAll(async () => {
  [lab, database] = await Promise.all([startProbeLab(), createTestDatabase()]);
  const { client } = qdrantNode(lab.config, 'primary');
  if ((await client.collectionExists(COLLECTION)).exists) await client.deleteCollection(COLLECTION);
  await client.createCollection(COLLECTION, { vectors: { size: DIM, distance: 'Cosine' } });
  await upsert('primary', 0, POINTS);
});

afterAll(async () => {
  await lab?.stop();
  await database?.drop();
});

describe('data-side runbook steps against the lab', () => {
  let scheduled: string;

  it('failover: restores the newest verified snapshot into the secondary, records a runbook run, then check() is done', async () => {
    const snapshot = await snapshotQdrantToBlob(database.db, lab.config, COLLECTION, { trigger: 'schedule' });
    expect(snapshot.state).toBe('succeeded');
    scheduled = (snapshot.details as { snapshotName: string }).snapshotName;
    const handler = restoreQdrantCollectionStep(database.db, lab.config);
    const ctx = context('restore-qdrant-collection', { region: 'secondary', collection: COLLECTION, snapshot: 'newest verified at execution' });

    expect(await handler.check?.(ctx)).toBe('not-done');
    const output = await handler.execute(ctx);
    expect(output).toMatchObject({ snapshotName: scheduled, points: POINTS, snapshotCreatedAt: (snapshot.details as { snapshotCreatedAt: string }).snapshotCreatedAt });
    expect(await points('secondary')).toBe(POINTS);
    expect(await handler.check?.(ctx)).toBe('done');
    // Another runbook run's step has restored nothing yet.
    expect(await handler.check?.(context('restore-qdrant-collection', ctx.step.params))).toBe('not-done');

    const [run] = await listReplicationRuns(database.db, { job: 'qdrant-restore', target: COLLECTION, limit: 1 });
    expect(run).toMatchObject({ id: output.runId, trigger: 'runbook', requestedBy: `runbook:${ctx.idempotencyKey}`, region: 'secondary', state: 'succeeded' });
    expect(handler.describe(ctx)).toContain(`taken in ${lab.config.regions.primary.name}`);
  });

  it('a corrupted newest snapshot: the step fails with the run error, the secondary keeps its points, check() is not done', async () => {
    await upsert('primary', POINTS, 50);
    const snapshot = await snapshotQdrantToBlob(database.db, lab.config, COLLECTION, { trigger: 'schedule' });
    expect(snapshot.state).toBe('succeeded');
    const blob = snapshotContainer(lab.config).getBlockBlobClient(snapshotBlobName(COLLECTION, (snapshot.details as { snapshotName: string }).snapshotName));
    const bytes = await blob.downloadToBuffer();
    randomBytes(64).copy(bytes, Math.floor(bytes.length / 2));
    await blob.uploadData(bytes);

    const handler = restoreQdrantCollectionStep(database.db, lab.config);
    const ctx = context('restore-qdrant-collection', { region: 'secondary', collection: COLLECTION, snapshot: 'newest verified at execution' });
    const failure = await handler.execute(ctx).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^secondary Qdrant: recover from snapshot: .*400/);
    const [run] = await listReplicationRuns(database.db, { job: 'qdrant-restore', target: COLLECTION, limit: 1 });
    expect(run).toMatchObject({ state: 'failed', error: (failure as Error).message, requestedBy: `runbook:${ctx.idempotencyKey}` });
    expect(await points('secondary')).toBe(POINTS);
    expect(await handler.check?.(ctx)).toBe('not-done');
  });

  it('failback: new points on the secondary travel back through Blob, and the primary ends with the same count', async () => {
    await upsert('secondary', 10_000, 200);
    const onSecondary = await points('secondary');
    expect(onSecondary).toBe(POINTS + 200);
    const runId = `run-${randomUUID()}`;
    const snapshotStep = snapshotQdrantCollectionStep(database.db, lab.config);
    const snapshotCtx = context('snapshot-qdrant-collection', { region: 'secondary', collection: COLLECTION }, runId);
    expect(await snapshotStep.check?.(snapshotCtx)).toBe('not-done');
    const snapshot = await snapshotStep.execute(snapshotCtx);
    expect(snapshot).toMatchObject({ points: onSecondary, sourceRegion: lab.config.regions.secondary.name });
    expect(await snapshotStep.check?.(snapshotCtx)).toBe('done');

    const restoreStep = restoreQdrantCollectionStep(database.db, lab.config);
    const restoreCtx = context('restore-qdrant-collection', { region: 'primary', collection: COLLECTION, snapshot: 'newest verified at execution' }, runId);
    const restored = await restoreStep.execute(restoreCtx);
    expect(restored).toMatchObject({ snapshotName: snapshot.snapshotName, snapshotCreatedAt: snapshot.snapshotCreatedAt, points: onSecondary });
    expect(await points('primary')).toBe(await points('secondary'));
    expect(await restoreStep.check?.(restoreCtx)).toBe('done');
    // The secondary's own snapshot never feeds the scheduled restore into the secondary.
    const forSecondary = (await newestVerifiedSnapshots(lab.config, COLLECTION, lab.config.regions.primary.name)).get(COLLECTION);
    expect(forSecondary?.sourceRegion).toBe(lab.config.regions.primary.name);
    expect(forSecondary?.snapshotName).not.toBe(snapshot.snapshotName);
  });

  it('restore-redis: the newest primary backup into the secondary, then (failback) the secondary back into the primary', async () => {
    await fill('primary', 'cache', 300);
    const backup = await backupRedisToBlob(database.db, lab.config, { trigger: 'schedule' });
    if (!backup.ok) throw new Error(backup.error);
    const handler = restoreRedisStep(database.db, lab.config);
    const failover = context('restore-redis', { region: 'secondary', backup: 'newest verified at execution' });
    expect(await handler.check?.(failover)).toBe('not-done');
    const output = await handler.execute(failover);
    expect(output).toMatchObject({ takenAt: backup.manifest.takenAt, keys: backup.manifest.keys, blob: backup.blobName });
    expect(await keys('secondary')).toBe(backup.manifest.keys);
    expect(await handler.check?.(failover)).toBe('done');

    await fill('secondary', 'written-while-serving', 40);
    const failback = context('restore-redis', { region: 'primary', backup: 'newest verified at execution' });
    const back = await handler.execute(failback);
    expect(back.takenAt).not.toBe(backup.manifest.takenAt);
    expect(String(back.blob)).toMatch(new RegExp(`^redis/${lab.config.regions.secondary.name}/`));
    expect(await keys('primary')).toBe(await keys('secondary'));
    expect(await keys('primary')).toBe(backup.manifest.keys + 40);
    expect(await handler.check?.(failback)).toBe('done');
    const runs = await listReplicationRuns(database.db, { job: 'redis-backup', target: 'redis', limit: 1 });
    expect(runs[0]).toMatchObject({ region: 'secondary', trigger: 'runbook', requestedBy: `runbook:${failback.idempotencyKey}`, state: 'succeeded' });
  });
});
