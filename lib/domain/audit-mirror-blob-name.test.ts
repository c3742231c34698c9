import { describe, expect, it } from 'vitest';
import { auditMirrorBlobName } from './audit-mirror-blob-name';

describe('auditMirrorBlobName', () => {
  it('files an event under its chain and UTC day', () => {
    expect(auditMirrorBlobName('abc', new Date('2026-11-24T23:59:59.999Z'), null)).toBe('events/abc/2026-11-24.jsonl');
    expect(auditMirrorBlobName('abc', new Date('2026-11-25T00:00:00.000Z'), 'events/abc/2026-11-24.jsonl')).toBe('events/abc/2026-11-25.jsonl');
  });

  it('never goes back to an earlier day file, so name order stays chain order', () => {
    expect(auditMirrorBlobName('abc', new Date('2026-11-24T23:59:59.990Z'), 'events/abc/2026-11-25.jsonl')).toBe('events/abc/2026-11-25.jsonl');
  });
});
