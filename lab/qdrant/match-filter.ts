import type { PointId } from './point-id';
import type { Payload } from './points-table';
import type { ConditionInput, FilterInput } from './qdrant-requests';

/** Values at a dotted payload path; arrays along the way fan out, as in Qdrant (`a.b` matches `{a:[{b:1},{b:2}]}`). */
function valuesAt(payload: Payload, key: string): unknown[] {
  let current: unknown[] = [payload];
  for (const part of key.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && part in value) {
        const child = (value as Record<string, unknown>)[part];
        if (Array.isArray(child)) next.push(...child);
        else next.push(child);
      }
    }
    current = next;
  }
  return current;
}

function asList(clause: ConditionInput | ConditionInput[] | null | undefined): ConditionInput[] {
  if (clause === null || clause === undefined) return [];
  return Array.isArray(clause) ? clause : [clause];
}

function matchesCondition(condition: ConditionInput, id: PointId, payload: Payload): boolean {
  if ('has_id' in condition) return condition.has_id.includes(id);
  if ('is_empty' in condition) {
    const values = valuesAt(payload, condition.is_empty.key);
    return values.length === 0 || values.every((value) => value === null);
  }
  if ('is_null' in condition) return valuesAt(payload, condition.is_null.key).some((value) => value === null);
  if ('key' in condition) {
    const values = valuesAt(payload, condition.key);
    const { match, range } = condition;
    if (match) {
      if ('value' in match) return values.includes(match.value);
      if ('any' in match) return values.some((value) => match.any.includes(value as string | number | boolean));
      if ('except' in match) return values.length > 0 && values.every((value) => !match.except.includes(value as string | number | boolean));
    }
    if (range) {
      return values.some(
        (value) =>
          typeof value === 'number' &&
          (range.gt == null || value > range.gt) &&
          (range.gte == null || value >= range.gte) &&
          (range.lt == null || value < range.lt) &&
          (range.lte == null || value <= range.lte),
      );
    }
    return false;
  }
  if ('filter' in condition) return matchesFilter(condition.filter, id, payload);
  return matchesFilter(condition, id, payload);
}

/** Qdrant's boolean filter: every `must`, at least one `should` (when any), no `must_not`. */
export function matchesFilter(filter: FilterInput, id: PointId, payload: Payload): boolean {
  const should = asList(filter.should);
  return (
    asList(filter.must).every((c) => matchesCondition(c, id, payload)) &&
    (should.length === 0 || should.some((c) => matchesCondition(c, id, payload))) &&
    !asList(filter.must_not).some((c) => matchesCondition(c, id, payload))
  );
}
