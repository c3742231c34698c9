import { describe, expect, it } from 'vitest';
import { parseEvidenceQuery } from './evidence-query';
import { markdownCell } from './render-evidence-markdown';

const parse = (query: string) => parseEvidenceQuery(new URLSearchParams(query));

describe('parseEvidenceQuery', () => {
  it('reads whole UTC days (the "to" day included) or exact timestamps, JSON by default', () => {
    expect(parse('from=2026-10-01&to=2026-10-31')).toEqual({ ok: true, query: { format: 'json', from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-01T00:00:00Z') } });
    expect(parse('from=2026-10-01T06:00:00%2B02:00&to=2026-10-02T00:00:00Z&format=md')).toEqual({ ok: true, query: { format: 'md', from: new Date('2026-10-01T04:00:00Z'), to: new Date('2026-10-02T00:00:00Z') } });
  });

  it('names every bad field instead of widening the period', () => {
    expect(parse('to=2026-10-31')).toEqual({ ok: false, errors: [expect.stringMatching(/^from: /)] });
    expect(parse('from=2026-02-30&to=2026-03-01')).toMatchObject({ ok: false });
    expect(parse('from=2026-10-02&to=2026-10-01')).toEqual({ ok: false, errors: ['to: to must be after from'] });
    expect(parse('from=2020-01-01&to=2026-01-01')).toEqual({ ok: false, errors: ['to: the period may be at most 1098 days'] });
    expect(parse('from=2026-10-01&to=2026-10-02&format=pdf')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^format: /)] });
  });
});

describe('markdownCell', () => {
  it('keeps recorded text from breaking the table or injecting HTML', () => {
    expect(markdownCell('a | b\nc <script>')).toBe('a \\| b c &lt;script&gt;');
    expect(markdownCell(null)).toBe('—');
  });
});
