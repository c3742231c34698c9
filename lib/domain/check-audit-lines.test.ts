import { describe, expect, it } from 'vitest';
import { formatAuditJsonLine, type AuditExportHeader } from './audit-json-line';
import { checkAuditLines } from './check-audit-lines';
import { auditChainFixture } from './testing/audit-chain-fixture';

async function* each(lines: string[]): AsyncGenerator<string> {
  yield* lines;
}

const events = auditChainFixture(6, undefined, (i) => ({ payload: { i, note: 'a, "quoted"\nline', nested: { b: 2, a: [1, 2] } } }));
const lines = events.map(formatAuditJsonLine);
const header = (complete: boolean, through = events[events.length - 1]!): string =>
  JSON.stringify({ format: 'lifeboat-audit-export/1', exportedAt: '2026-11-24T07:00:00.000Z', exportedBy: 'admin', complete, filter: complete ? {} : { action: 'test.' }, through: { seq: through.seq.toString(), hash: through.hash }, note: 'n' } satisfies AuditExportHeader);

describe('checkAuditLines (the offline verifier)', () => {
  it('accepts an intact export and names its range', async () => {
    const verdict = await checkAuditLines(each([header(true), ...lines, '']));
    expect(verdict).toMatchObject({ ok: true, kind: 'chain', events: 6, first: { seq: '1', line: 2 }, last: { seq: '6', line: 7, hash: events[5]!.hash } });
  });

  it('accepts day files concatenated without a header (the Blob mirror)', async () => {
    expect(await checkAuditLines(each(lines))).toMatchObject({ ok: true, kind: 'chain', events: 6 });
  });

  it('names the line whose content was modified', async () => {
    const modified = [...lines];
    modified[2] = modified[2]!.replace('"actorName":"Adam Admin"', '"actorName":"Mallory"');
    expect(await checkAuditLines(each([header(true), ...modified]))).toMatchObject({ ok: false, events: 2, problem: { line: 4, seq: '3', reason: 'content-altered' } });
  });

  it('names the line after a deleted one', async () => {
    const deleted = lines.filter((_, i) => i !== 3);
    expect(await checkAuditLines(each([header(true), ...deleted]))).toMatchObject({ ok: false, problem: { line: 5, seq: '5', reason: 'link-broken' } });
  });

  it('names a reordered line', async () => {
    const reordered = [lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3)];
    expect(await checkAuditLines(each(reordered))).toMatchObject({ ok: false, problem: { line: 2, seq: '3', reason: 'link-broken' } });
  });

  it('catches a removed first event and a cut-off end', async () => {
    expect(await checkAuditLines(each(lines.slice(1)))).toMatchObject({ ok: false, problem: { line: 1, seq: '2', reason: 'not-from-genesis' } });
    expect(await checkAuditLines(each([header(true), ...lines.slice(0, 4)]))).toMatchObject({ ok: false, problem: { reason: 'truncated', seq: '4' } });
  });

  it('checks a filtered export event by event and calls it a subset, never a chain', async () => {
    const subset = [lines[1]!, lines[4]!];
    expect(await checkAuditLines(each([header(false), ...subset]))).toMatchObject({ ok: true, kind: 'subset', events: 2 });
    const tampered = [lines[1]!, lines[4]!.replace('"outcome":"success"', '"outcome":"denied"')];
    expect(await checkAuditLines(each([header(false), ...tampered]))).toMatchObject({ ok: false, kind: 'subset', problem: { line: 3, reason: 'content-altered' } });
    // Without its header the same subset is read as a chain, and fails as one.
    expect((await checkAuditLines(each(subset))).ok).toBe(false);
  });

  it('reports lines that are not events, and a header that is not first', async () => {
    expect(await checkAuditLines(each([lines[0]!, '{"seq": 2'])) ).toMatchObject({ ok: false, problem: { line: 2, reason: 'invalid' } });
    expect(await checkAuditLines(each([lines[0]!, header(true)]))).toMatchObject({ ok: false, problem: { line: 2, reason: 'invalid', detail: 'an export header may only be the first line' } });
  });
});
