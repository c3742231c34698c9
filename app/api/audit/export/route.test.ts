import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '@/lib/auth/session';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { insertAuditEvents } from '@/lib/db/testing/insert-audit-events';
import type { AuditFields } from '@/lib/domain/audit-chain';
import { checkAuditLines } from '@/lib/domain/check-audit-lines';

const signedIn = vi.hoisted(() => ({ session: null as Session | null }));
// The route reads the session from the request's cookies through next/headers; here, from the test.
vi.mock('@/lib/auth/get-session', () => ({ getSession: async () => signedIn.session }));

const { GET } = await import('./route');

const now = Math.floor(Date.now() / 1000);
const as = (userId: string, roles: Session['roles']): Session => ({ userId, name: `${userId} user`, email: `${userId}@lifeboat.test`, roles, authTime: now, expiresAt: now + 3600 });
const get = (query: string) => GET(new NextRequest(`http://localhost:3100/api/audit/export${query}`));

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      field += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}

const TRICKY = { actorName: 'Doe, Jane "JD"', targetId: '=HYPERLINK("http://evil")', payload: { comment: 'line one\nline two, with "quotes"' } };
const EVENTS = 2_345; // more than two export batches

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  const base = Date.parse('2026-11-24T06:00:00Z');
  const fields = (i: number): AuditFields => ({ at: new Date(base + i * 1000), actorId: 'operator', actorName: 'Omar Operator', actorRoles: ['Operator'], action: i % 2 ? 'replication.run-now' : 'auth.sign-in', targetType: 'job', targetId: String(i), outcome: 'success', payload: { i }, ...(i === 7 ? TRICKY : {}) });
  await insertAuditEvents(t.db, Array.from({ length: EVENTS }, (_, i) => fields(i)));
});
afterAll(async () => t?.drop());
beforeEach(() => {
  signedIn.session = as('admin', ['Admin']);
});

describe('GET /api/audit/export', () => {
  it('answers 401 without a session and 403 to a Viewer or Operator, exporting nothing', async () => {
    const before = await t.db.auditEvent.count();
    signedIn.session = null;
    expect((await get('?format=jsonl')).status).toBe(401);
    signedIn.session = as('viewer', ['Viewer']);
    const forbidden = await get('?format=jsonl');
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: 'forbidden' });
    signedIn.session = as('operator', ['Operator']);
    expect((await get('?format=csv')).status).toBe(403);
    expect(await t.db.auditEvent.count()).toBe(before);
  });

  it('refuses an unknown format or a bad filter with 400', async () => {
    expect((await get('?format=xml')).status).toBe(400);
    expect((await get('?format=csv&outcome=perhaps')).status).toBe(400);
  });

  it('streams the whole chain as JSON Lines that re-verify offline, ending with its own audit.export event', async () => {
    const response = await get('?format=jsonl');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="lifeboat-audit-\d{8}T\d{6}Z\.jsonl"$/);
    const lines = (await response.text()).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'lifeboat-audit-export/1', complete: true, exportedBy: 'admin', filter: {} });
    const verdict = await checkAuditLines((async function* () { yield* lines; })());
    expect(verdict).toMatchObject({ ok: true, kind: 'chain', first: { seq: '1' } });
    expect(verdict.events).toBeGreaterThan(EVENTS);
    const last = JSON.parse(lines.at(-2)!) as Record<string, unknown>;
    expect(last).toMatchObject({ action: 'audit.export', actorId: 'admin', targetType: 'audit-log', targetId: 'jsonl', payload: { format: 'jsonl', complete: true } });
    expect(response.headers.get('x-lifeboat-export-through-seq')).toBe(last.seq);
  });

  it('marks a filtered export as a subset in its header, and keeps only matching events', async () => {
    const response = await get('?format=jsonl&action=replication.&from=2026-11-24T06:00:10Z');
    expect(response.headers.get('x-lifeboat-export')).toBe('filtered');
    expect(response.headers.get('content-disposition')).toContain('-filtered.jsonl');
    const lines = (await response.text()).trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ complete: false, filter: { action: 'replication.', from: '2026-11-24T06:00:10.000Z' } });
    const events = lines.slice(1).map((line) => JSON.parse(line) as { action: string; at: string });
    expect(events.length).toBe(Array.from({ length: EVENTS }, (_, i) => i).filter((i) => i % 2 === 1 && i >= 10).length);
    expect(events.every((e) => e.action === 'replication.run-now' && e.at >= '2026-11-24T06:00:10.000Z')).toBe(true);
    expect(await checkAuditLines((async function* () { yield* lines; })())).toMatchObject({ ok: true, kind: 'subset' });
  });

  it('writes CSV with a header row and escapes commas, quotes, line breaks and formulas', async () => {
    const response = await get('?format=csv&targetType=job');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const rows = readCsv(await response.text());
    expect(rows[0]).toEqual(['seq', 'at', 'actorId', 'actorName', 'actorRoles', 'action', 'targetType', 'targetId', 'outcome', 'payload', 'prevHash', 'hash']);
    expect(rows.length).toBe(EVENTS + 1);
    const tricky = rows.find((row) => row[0] === '8')!;
    expect(tricky.length).toBe(12);
    expect(tricky[3]).toBe('Doe, Jane "JD"');
    expect(tricky[7]).toBe(`'=HYPERLINK("http://evil")`);
    expect(JSON.parse(tricky[9]!)).toEqual({ comment: 'line one\nline two, with "quotes"' });
  });

  it('records every export in the audit log with who, which format and which filter', async () => {
    signedIn.session = as('architect', ['Architect']);
    await (await get('?format=csv&actor=operator')).text();
    const recorded = await t.db.auditEvent.findFirst({ where: { action: 'audit.export', actorId: 'architect' }, orderBy: { seq: 'desc' } });
    expect(recorded).toMatchObject({ outcome: 'success', targetId: 'csv', actorRoles: ['Architect'], payload: { format: 'csv', complete: false, filter: { actor: 'operator' } } });
  });
});
