import { describe, expect, it } from 'vitest';
import { planRetention, type RetainedBlob } from './plan-retention';

const now = new Date('2026-11-24T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const blob = (name: string, days: number, verified = true): RetainedBlob => ({ name, takenAt: daysAgo(days), verified });
const deleted = (blobs: RetainedBlob[], dependedOn: string[] = [], retentionDays = 7) =>
  planRetention({ blobs, now, retentionDays, dependedOn: new Set(dependedOn) })
    .filter((decision) => decision.action === 'delete')
    .map((decision) => decision.name);

describe('planRetention', () => {
  it('deletes backups older than the retention and keeps the recent ones', () => {
    expect(deleted([blob('a', 1), blob('b', 6.9), blob('c', 7.1), blob('d', 30)])).toEqual(['c', 'd']);
  });

  it('never deletes the newest verified backup, however old', () => {
    const decisions = planRetention({ blobs: [blob('old', 40), blob('older', 50), blob('broken', 1, false)], now, retentionDays: 7, dependedOn: new Set() });
    expect(decisions).toEqual([
      { name: 'broken', action: 'keep', reason: '1.0 days old, within 7 days' },
      { name: 'old', action: 'keep', reason: 'newest verified backup' },
      { name: 'older', action: 'delete', reason: '50.0 days old, beyond 7 days' },
    ]);
  });

  it('never deletes a backup a secondary depends on', () => {
    expect(deleted([blob('new', 1), blob('restored', 20), blob('other', 21)], ['restored'])).toEqual(['other']);
  });

  it('deletes old unverified (manifest-less) blobs and says so', () => {
    const decisions = planRetention({ blobs: [blob('good', 1), blob('partial', 9, false)], now, retentionDays: 7, dependedOn: new Set() });
    expect(decisions.find((decision) => decision.name === 'partial')).toEqual({ name: 'partial', action: 'delete', reason: '9.0 days old, beyond 7 days (never verified)' });
  });

  it('keeps everything when nothing is beyond retention, and handles no blobs', () => {
    expect(deleted([blob('a', 0), blob('b', 3)])).toEqual([]);
    expect(planRetention({ blobs: [], now, retentionDays: 7, dependedOn: new Set() })).toEqual([]);
  });
});
