import { describe, expect, it } from 'vitest';
import { auditFilterParams, isFiltered, parseAuditFilter } from './audit-filter';

const parse = (query: string) => parseAuditFilter(new URLSearchParams(query));

describe('audit filter from the URL', () => {
  it('treats empty fields (a submitted empty form) as no filter', () => {
    const parsed = parse('actor=&action=&targetType=&targetId=&outcome=&from=&to=');
    expect(parsed).toEqual({ ok: true, filter: { actor: undefined, action: undefined, targetType: undefined, targetId: undefined, outcome: undefined, from: undefined, to: undefined } });
    if (parsed.ok) expect(isFiltered(parsed.filter)).toBe(false);
  });

  it('reads datetime-local values as UTC and keeps full ISO timestamps', () => {
    const parsed = parse('action=replication.&from=2026-11-24T06:30&to=2026-11-24T07:00:00%2B01:00');
    expect(parsed.ok && parsed.filter).toMatchObject({ action: 'replication.', from: new Date('2026-11-24T06:30:00Z'), to: new Date('2026-11-24T06:00:00Z') });
    if (parsed.ok) expect(isFiltered(parsed.filter)).toBe(true);
  });

  it('refuses a bad outcome or date instead of widening to everything', () => {
    expect(parse('outcome=maybe')).toMatchObject({ ok: false });
    const bad = parse('from=yesterday');
    expect(bad).toMatchObject({ ok: false });
    if (!bad.ok) expect(bad.errors[0]).toContain('from');
  });

  it('round-trips through search parameters (shareable links, the export URL)', () => {
    const parsed = parse('actor=admin&outcome=denied&from=2026-11-24T06:30');
    if (!parsed.ok) throw new Error('expected a filter');
    const params = auditFilterParams(parsed.filter);
    expect(params.toString()).toBe('actor=admin&outcome=denied&from=2026-11-24T06%3A30%3A00.000Z');
    expect(parseAuditFilter(params)).toEqual(parsed);
  });
});
