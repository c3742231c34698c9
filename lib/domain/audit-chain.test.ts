import { describe, expect, it } from 'vitest';
import { canonicalJson, checkAuditBatch, GENESIS_HASH, hashAuditEvent, type ChainedAuditEvent } from './audit-chain';

const base = { at: new Date('2026-11-24T06:00:00Z'), actorId: 'a', actorName: 'A', actorRoles: ['Admin'], action: 'x', targetType: 't', targetId: '1', outcome: 'success' };

function chain(n: number): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const fields = { ...base, payload: { i } };
    const hash = hashAuditEvent(prev, fields);
    events.push({ ...fields, seq: BigInt(i + 1), prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe('audit chain', () => {
  it('canonical JSON ignores key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }));
  });

  it('the hash covers every field and the previous hash', () => {
    const h = hashAuditEvent(GENESIS_HASH, { ...base, payload: {} });
    expect(hashAuditEvent(GENESIS_HASH, { ...base, payload: {}, outcome: 'denied' })).not.toBe(h);
    expect(hashAuditEvent(GENESIS_HASH, { ...base, payload: { extra: 1 } })).not.toBe(h);
    expect(hashAuditEvent('1'.repeat(64), { ...base, payload: {} })).not.toBe(h);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts an intact chain and carries the last hash', () => {
    const events = chain(5);
    expect(checkAuditBatch(GENESIS_HASH, events)).toEqual({ lastHash: events[4]!.hash });
  });

  it('names the first altered event and the first broken link', () => {
    const altered = chain(5);
    altered[2] = { ...altered[2]!, targetId: '999' };
    expect(checkAuditBatch(GENESIS_HASH, altered)).toMatchObject({ broken: { seq: BigInt(3), reason: 'content-altered' } });
    const gap = chain(5).filter((e) => e.seq !== BigInt(2));
    expect(checkAuditBatch(GENESIS_HASH, gap)).toMatchObject({ broken: { seq: BigInt(3), reason: 'link-broken' } });
  });
});
