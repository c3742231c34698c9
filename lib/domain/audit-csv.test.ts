import { describe, expect, it } from 'vitest';
import { csvField, formatAuditCsvRow } from './audit-csv';
import { auditChainFixture } from './testing/audit-chain-fixture';

describe('audit CSV', () => {
  it('quotes commas, quotes, CR and LF, doubling quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('')).toBe('');
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes every field of an event on one CRLF-terminated row, payload as canonical JSON', () => {
    const [event] = auditChainFixture(1, undefined, () => ({ actorRoles: ['Admin', 'Architect'], payload: { z: 1, a: 'x,y' } }));
    const row = formatAuditCsvRow(event!);
    expect(row.endsWith('\r\n')).toBe(true);
    expect(row).toBe(`1,2026-11-24T06:00:00.000Z,admin,Adam Admin,Admin Architect,test.event,n,0,success,"{""a"":""x,y"",""z"":1}",${event!.prevHash},${event!.hash}\r\n`);
  });
});
