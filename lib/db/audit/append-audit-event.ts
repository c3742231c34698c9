import { GENESIS_HASH, hashAuditEvent } from '@/lib/domain/audit-chain';
import type { AuditEventInput } from '@/lib/domain/audit-event';
import type { DbTx } from '../client';

// One constant advisory-lock key: appends are serialised so each event links to the one before.
export const AUDIT_CHAIN_LOCK = 727_001;

/** Appends one event to the chain inside the caller's transaction (so it commits with the change it records). */
export async function appendAuditEvent(tx: DbTx, input: AuditEventInput): Promise<{ seq: bigint; hash: string }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields = {
    at: new Date(),
    actorId: input.actor.id,
    actorName: input.actor.name,
    actorRoles: [...input.actor.roles],
    action: input.action,
    targetType: input.target.type,
    targetId: input.target.id,
    outcome: input.outcome,
    payload: input.payload ?? {},
  };
  const hash = hashAuditEvent(prevHash, fields);
  const row = await tx.auditEvent.create({ data: { ...fields, payload: fields.payload as object, prevHash, hash }, select: { seq: true } });
  return { seq: row.seq, hash };
}
