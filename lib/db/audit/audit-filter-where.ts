import type { AuditFilter } from '@/lib/domain/audit-filter';
import type { Prisma } from '../client';

// Prisma passes startsWith to LIKE as is: escape its wildcards so `_` and `%` match themselves.
const likeLiteral = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * The filter as a Prisma condition. Actor, target and outcome have indexes ending in seq (keyset
 * paging); LIKE cannot use a btree index under a non-C collation, so a prefix walks seq backwards.
 */
export function auditFilterWhere(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.actor) where.actorId = filter.actor;
  if (filter.action) where.action = { startsWith: likeLiteral(filter.action) };
  if (filter.targetType) where.targetType = filter.targetType;
  if (filter.targetId) where.targetId = filter.targetId;
  if (filter.outcome) where.outcome = filter.outcome;
  if (filter.from || filter.to) where.at = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) };
  return where;
}
