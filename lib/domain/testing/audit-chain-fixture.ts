import { GENESIS_HASH, hashAuditEvent, type AuditFields, type ChainedAuditEvent } from '../audit-chain';

/** A valid chain of `n` events (seq 1…n, one second apart from `start`), for tests. */
export function auditChainFixture(n: number, start = new Date('2026-11-24T06:00:00Z'), fields: (i: number) => Partial<AuditFields> = () => ({})): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const event: AuditFields = { at: new Date(start.getTime() + i * 1000), actorId: 'admin', actorName: 'Adam Admin', actorRoles: ['Admin'], action: 'test.event', targetType: 'n', targetId: String(i), outcome: 'success', payload: { i }, ...fields(i) };
    const hash = hashAuditEvent(prev, event);
    events.push({ ...event, seq: BigInt(i + 1), prevHash: prev, hash });
    prev = hash;
  }
  return events;
}
