import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { recordAuditEvent } from './record-audit-event';
import { verifyAuditChain } from './verify-audit-chain';
import { appendAuditEvent } from '@/lib/db/audit/append-audit-event';

const actor = { id: 'alice', name: 'Alice Approver', roles: ['Approver'] };

describe('audit hash chain', () => {
  let t: TestDatabase;
  let sql: pg.Client;
  beforeAll(async () => {
    t = await createTestDatabase();
    sql = new pg.Client({ connectionString: t.url });
    await sql.connect();
    // 30 events written concurrently: the chain must still be one unbroken line.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.db.$transaction((tx) => appendAuditEvent(tx, { actor, action: 'test.event', target: { type: 'n', id: String(i) }, outcome: 'success', payload: { i, nested: { b: 2, a: 1 } } })),
      ),
    );
  });
  afterAll(async () => {
    await sql?.end();
    await t?.drop();
  });

  it('verifies an untouched chain written concurrently', async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 30 });
  });

  it('resumes from a verified head, checking only the newer events, and still catches a wrong link', async () => {
    const full = await verifyAuditChain(t.db);
    if (!full.ok || !full.head) throw new Error('expected an intact chain with a head');
    for (const i of [30, 31]) await t.db.$transaction((tx) => appendAuditEvent(tx, { actor, action: 'test.event', target: { type: 'n', id: String(i) }, outcome: 'success' }));
    expect(await verifyAuditChain(t.db, { ...full.head, checked: full.checked })).toMatchObject({ ok: true, checked: 32 });
    const wrong = await verifyAuditChain(t.db, { seq: full.head.seq, hash: '1'.repeat(64), checked: full.checked });
    expect(wrong).toMatchObject({ ok: false, checked: 30, firstBreak: { seq: full.head.seq + BigInt(1), reason: 'link-broken' } });
  });

  it('names the row whose content was changed behind the trigger', async () => {
    const { rows } = await sql.query('SELECT seq FROM "AuditEvent" ORDER BY seq OFFSET 11 LIMIT 1');
    const seq = BigInt(rows[0].seq);
    // An attacker with superuser rights can bypass the append-only trigger; the chain still tells.
    await sql.query('BEGIN; SET LOCAL session_replication_role = replica;');
    await sql.query(`UPDATE "AuditEvent" SET "actorName" = 'Mallory' WHERE seq = $1`, [seq.toString()]);
    await sql.query('COMMIT');
    const verdict = await verifyAuditChain(t.db);
    expect(verdict).toMatchObject({ ok: false, checked: 11, firstBreak: { seq, reason: 'content-altered' } });
  });

  it('names a removed link', async () => {
    const { rows } = await sql.query('SELECT seq FROM "AuditEvent" ORDER BY seq OFFSET 20 LIMIT 1');
    await sql.query('BEGIN; SET LOCAL session_replication_role = replica;');
    await sql.query('UPDATE "AuditEvent" SET "actorName" = $1 WHERE seq = (SELECT seq FROM "AuditEvent" ORDER BY seq OFFSET 11 LIMIT 1)', [actor.name]);
    await sql.query('DELETE FROM "AuditEvent" WHERE seq = $1', [rows[0].seq]);
    await sql.query('COMMIT');
    const verdict = await verifyAuditChain(t.db);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.firstBreak.reason).toBe('link-broken');
    expect(verdict.firstBreak.seq).toBe(BigInt(rows[0].seq) + BigInt(1));
  });

  it('records on its own transaction when none is given', async () => {
    process.env.DATABASE_URL = t.url;
    const { seq } = await recordAuditEvent({ actor, action: 'auth.sign-in', target: { type: 'user', id: 'alice' }, outcome: 'success' });
    expect(await t.db.auditEvent.count({ where: { seq } })).toBe(1);
  });
});
