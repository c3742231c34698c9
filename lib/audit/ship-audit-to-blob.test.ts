import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlobService, type BlobService } from '@/lab/blob/start-blob-service';
import { blobServiceClient } from '@/lib/adapters/blob/blob-service-client';
import { parseConfig } from '@/lib/config/load-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import { readAuditShipment } from '@/lib/db/audit/read-audit-shipment';
import type { Db } from '@/lib/db/client';
import { insertAuditEvents } from '@/lib/db/testing/insert-audit-events';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import type { AuditFields } from '@/lib/domain/audit-chain';
import { checkAuditLines } from '@/lib/domain/check-audit-lines';
import { startAuditMirrorLoop } from '@/lib/jobs/audit-mirror-loop';
import { AuditMirrorError, auditMirrorSink, shipAuditToBlob } from './ship-audit-to-blob';

let dir: string;
let blob: BlobService;
let database: TestDatabase;
let other: TestDatabase;
let config: LifeboatConfig;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-audit-mirror-'));
  // One database at a time: Prisma's WASM schema engine does not migrate two at once in one process.
  const starting = startBlobService({ port: 0, stateDir: path.join(dir, 'blob') });
  database = await createTestDatabase();
  other = await createTestDatabase();
  blob = await starting;
  const lab = parseConfig(await readFile('config/lab.yaml', 'utf8'), 'config/lab.yaml', process.env);
  config = { ...lab, components: { ...lab.components, blob: { ...lab.components.blob, primaryUrl: blob.url, secondaryUrl: blob.secondaryUrl } } };
});

afterAll(async () => {
  await Promise.all([blob?.stop(), database?.drop(), other?.drop()]);
  await rm(dir, { recursive: true, force: true });
});

const container = () => blobServiceClient(blob.url, config.components.blob, config.azure).getContainerClient(config.components.blob.containers.audit);
const sink = () => auditMirrorSink(config.components.blob.containers.audit);
const ship = (db: Db, options: Partial<Parameters<typeof shipAuditToBlob>[2]> = {}) => shipAuditToBlob(db, container(), { sink: sink(), ...options });

let clock = Date.parse('2026-11-24T23:59:45Z');
/** `n` events one second apart, continuing the test's clock (so they cross midnight UTC). */
function next(n: number, tag = 'main'): AuditFields[] {
  return Array.from({ length: n }, () => {
    clock += 1000;
    return { at: new Date(clock), actorId: 'system', actorName: 'Lifeboat', actorRoles: [], action: 'test.mirror', targetType: 'db', targetId: tag, outcome: 'success', payload: { clock, note: 'comma, "quote"\nnewline' } };
  });
}

/** Every day file of the mirror (one chain), in name order, and the lines they hold. */
async function mirror(chainOf: Db): Promise<{ names: string[]; lines: string[]; seqs: number[] }> {
  const first = await chainOf.auditEvent.findFirstOrThrow({ orderBy: { seq: 'asc' } });
  const names: string[] = [];
  for await (const item of container().listBlobsFlat({ prefix: `events/${first.hash.slice(0, 16)}/` })) names.push(item.name);
  names.sort();
  const lines: string[] = [];
  for (const name of names) lines.push(...(await container().getBlobClient(name).downloadToBuffer()).toString('utf8').split('\n').filter(Boolean));
  return { names, lines, seqs: lines.map((line) => Number((JSON.parse(line) as { seq: string }).seq)) };
}

const verifyOffline = async (lines: string[]) => checkAuditLines((async function* () { yield* lines; })());
const head = async (db: Db) => (await db.auditEvent.findFirstOrThrow({ orderBy: { seq: 'desc' } })).seq;
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('shipAuditToBlob against Azurite', () => {
  it('ships every event in seq order to one Append Blob per UTC day; the day files verify offline as the chain', async () => {
    await insertAuditEvents(database.db, next(30));
    const pass = await ship(database.db);
    expect(pass.shipped).toBe(30);
    const { names, lines, seqs } = await mirror(database.db);
    expect(names.map((name) => name.replace(/^events\/[0-9a-f]{16}\//, ''))).toEqual(['2026-11-24.jsonl', '2026-11-25.jsonl']);
    expect(pass.blobs).toEqual(names);
    expect((await container().getBlobClient(names[0]!).getProperties()).blobType).toBe('AppendBlob');
    expect(seqs).toEqual(oneToN(30));
    expect(await verifyOffline(lines)).toMatchObject({ ok: true, kind: 'chain', events: 30 });
    expect(await readAuditShipment(database.db, sink())).toMatchObject({ lastSeq: BigInt(30), blobName: names[1], lastAt: new Date(clock) });
    expect((await ship(database.db)).shipped).toBe(0);
  });

  it('appends only new events on later passes, in rounds', async () => {
    await insertAuditEvents(database.db, next(25));
    expect(await ship(database.db, { batchSize: 7 })).toMatchObject({ shipped: 25, lastSeq: BigInt(55) });
    const { lines, seqs } = await mirror(database.db);
    expect(seqs).toEqual(oneToN(55));
    expect((await verifyOffline(lines)).ok).toBe(true);
  });

  it('after a crash between append and record, the next pass adopts the lines instead of writing them twice', async () => {
    await insertAuditEvents(database.db, next(10));
    await expect(ship(database.db, { afterAppend: async () => Promise.reject(new Error('worker killed')) })).rejects.toThrow('worker killed');
    expect((await readAuditShipment(database.db, sink()))?.lastSeq).toBe(BigInt(55));
    expect((await mirror(database.db)).seqs).toEqual(oneToN(65));

    const pass = await ship(database.db);
    expect(pass).toMatchObject({ shipped: 0, adopted: 10, lastSeq: BigInt(65) });
    const { lines, seqs } = await mirror(database.db);
    expect(seqs).toEqual(oneToN(65));
    expect((await verifyOffline(lines)).ok).toBe(true);
    expect((await readAuditShipment(database.db, sink()))?.lastSeq).toBe(BigInt(65));
  });

  it('two shippers at once (a leader handing over) neither interleave nor duplicate lines', async () => {
    await insertAuditEvents(database.db, next(40));
    await Promise.all([ship(database.db, { batchSize: 3 }), ship(database.db, { batchSize: 5 })]);
    await ship(database.db);
    const { lines, seqs } = await mirror(database.db);
    expect(seqs).toEqual(oneToN(105));
    expect((await verifyOffline(lines)).ok).toBe(true);
  });

  it('ships nothing once the worker stops leading', async () => {
    await insertAuditEvents(database.db, next(3));
    expect(await ship(database.db, { shouldContinue: () => false })).toMatchObject({ shipped: 0 });
    expect((await readAuditShipment(database.db, sink()))?.lastSeq).toBe(BigInt(105));
  });

  it('the worker loop ships only while leading', async () => {
    let leading = false;
    const loop = startAuditMirrorLoop({ db: database.db, config, isLeader: () => leading, log: () => undefined, intervalMs: 50 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await readAuditShipment(database.db, sink()))?.lastSeq).toBe(BigInt(105));
      leading = true;
      await expect.poll(async () => (await readAuditShipment(database.db, sink()))?.lastSeq, { timeout: 10_000 }).toBe(await head(database.db));
    } finally {
      await loop.stop();
    }
    expect((await mirror(database.db)).seqs).toEqual(oneToN(108));
  });

  it('never ships past a break in the database chain', async () => {
    await insertAuditEvents(database.db, next(5));
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    try {
      // A superuser can bypass the append-only trigger; the mirror must not copy what that changed.
      await sql.query('BEGIN; SET LOCAL session_replication_role = replica;');
      await sql.query(`UPDATE "AuditEvent" SET "actorName" = 'Mallory' WHERE seq = 111`);
      await sql.query('COMMIT');
    } finally {
      await sql.end();
    }
    await expect(ship(database.db)).rejects.toThrow(/not shipping seq 111: the database chain is broken/);
    expect((await mirror(database.db)).seqs).toEqual(oneToN(110));
  });

  it("keeps another database's chain in its own files, and stops rather than write past events the database does not hold", async () => {
    const mainNames = (await mirror(database.db)).names;
    await insertAuditEvents(other.db, next(4, 'other'));
    expect((await ship(other.db)).shipped).toBe(4);
    const { names, seqs } = await mirror(other.db);
    expect(seqs).toEqual(oneToN(4));
    expect(names.some((name) => (mainNames as string[]).includes(name))).toBe(false);
    // As if this database were restored from a backup older than the mirror: seq 5 is in Blob, not here.
    const foreign = JSON.stringify({ ...JSON.parse((await mirror(other.db)).lines[3]!), seq: '5', hash: randomBytes(32).toString('hex') });
    const last = container().getAppendBlobClient(names[names.length - 1]!);
    await last.appendBlock(`${foreign}\n`, Buffer.byteLength(`${foreign}\n`));
    await insertAuditEvents(other.db, next(2, 'other'));
    const failure = await ship(other.db).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AuditMirrorError);
    expect(String(failure)).toContain('ends with seq 5, which differs from the database');
    expect((await mirror(other.db)).lines).toHaveLength(5);
    expect((await mirror(database.db)).seqs).toEqual(oneToN(110));
  });
});
