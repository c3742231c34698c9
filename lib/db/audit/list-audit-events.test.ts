import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFields } from '@/lib/domain/audit-chain';
import type { AuditFilter } from '@/lib/domain/audit-filter';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { insertAuditEvents } from '../testing/insert-audit-events';
import { listAuditEvents } from './list-audit-events';
import { readAuditExportBatch } from './read-audit-export-batch';

const START = Date.parse('2026-11-24T06:00:00Z');
const ACTIONS = ['replication.run-now', 'replication_x.other', 'auth.sign-in', 'alert.fired'] as const;

function event(i: number): AuditFields {
  return {
    at: new Date(START + i * 60_000),
    actorId: i % 2 ? 'operator' : 'system',
    actorName: i % 2 ? 'Omar Operator' : 'Lifeboat',
    actorRoles: i % 2 ? ['Operator'] : [],
    action: ACTIONS[i % 4]!,
    targetType: i % 5 === 0 ? 'alert' : 'job',
    targetId: String(i % 3),
    outcome: i % 7 === 0 ? 'denied' : 'success',
    payload: { i },
  };
}

describe('listAuditEvents: the audit page filters and keyset paging', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await insertAuditEvents(t.db, Array.from({ length: 60 }, (_, i) => event(i)));
  });
  afterAll(async () => t?.drop());

  const expected = (keep: (i: number) => boolean) =>
    Array.from({ length: 60 }, (_, i) => i)
      .filter(keep)
      .map((i) => String(i + 1))
      .reverse();
  const seqs = async (filter: AuditFilter) => (await listAuditEvents(t.db, { filter, limit: 100 })).events.map((e) => e.seq);

  it('returns newest first, with actor roles and payload', async () => {
    const { events, olderBefore } = await listAuditEvents(t.db, { limit: 3 });
    expect(events.map((e) => e.seq)).toEqual(['60', '59', '58']);
    expect(events[0]).toMatchObject({ actorId: 'operator', actorRoles: ['Operator'], payload: { i: 59 } });
    expect(olderBefore).toBe('58');
  });

  it('filters by actor, target, outcome and time range', async () => {
    expect(await seqs({ actor: 'operator' })).toEqual(expected((i) => i % 2 === 1));
    expect(await seqs({ targetType: 'alert', targetId: '1' })).toEqual(expected((i) => i % 5 === 0 && i % 3 === 1));
    expect(await seqs({ outcome: 'denied' })).toEqual(expected((i) => i % 7 === 0));
    expect(await seqs({ from: new Date(START + 10 * 60_000), to: new Date(START + 14 * 60_000) })).toEqual(expected((i) => i >= 10 && i <= 14));
    expect(await seqs({ actor: 'system', outcome: 'denied', from: new Date(START + 20 * 60_000) })).toEqual(expected((i) => i % 2 === 0 && i % 7 === 0 && i >= 20));
  });

  it('matches the action as a prefix, with _ and % taken literally', async () => {
    expect(await seqs({ action: 'replication.' })).toEqual(expected((i) => i % 4 === 0));
    expect(await seqs({ action: 'replication' })).toEqual(expected((i) => i % 4 <= 1));
    expect(await seqs({ action: 'replication_' })).toEqual(expected((i) => i % 4 === 1));
    expect(await seqs({ action: 'replication%' })).toEqual([]);
    expect(await seqs({ action: 'auth.sign-in' })).toEqual(expected((i) => i % 4 === 2));
  });

  it('pages older with the seq cursor: no event twice, none skipped, then no cursor', async () => {
    const filter = { actor: 'operator' };
    const seen: string[] = [];
    let before: bigint | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listAuditEvents(t.db, { filter, before, limit: 7 });
      seen.push(...page.events.map((e) => e.seq));
      if (!page.olderBefore) break;
      before = BigInt(page.olderBefore);
    }
    expect(seen).toEqual(expected((i) => i % 2 === 1));
  });

  it('reads an export batch oldest first, after a seq and through a seq', async () => {
    const batch = await readAuditExportBatch(t.db, { filter: { actor: 'operator' }, afterSeq: BigInt(10), throughSeq: BigInt(20), size: 3 });
    expect(batch.map((e) => e.seq)).toEqual([BigInt(12), BigInt(14), BigInt(16)]);
    const last = await readAuditExportBatch(t.db, { filter: {}, afterSeq: BigInt(58), throughSeq: BigInt(59), size: 10 });
    expect(last.map((e) => e.seq)).toEqual([BigInt(59)]);
  });
});
