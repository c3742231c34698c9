import { describe, expect, it } from 'vitest';
import { createHealthWindow } from './create-health-window';

describe('health window (sampleSize / successfulSamplesRequired)', () => {
  it('is healthy before any sample, then the first answer decides', () => {
    const up = createHealthWindow({ sampleSize: 4, successfulSamplesRequired: 3 });
    expect(up.healthy()).toBe(true);
    up.record(false);
    expect(up.healthy()).toBe(false);
  });

  it('turns unhealthy after sampleSize − required + 1 failures and healthy after `required` successes', () => {
    const window = createHealthWindow({ sampleSize: 4, successfulSamplesRequired: 3 });
    window.record(true);
    window.record(false);
    expect(window.healthy()).toBe(true);
    window.record(false);
    expect(window.healthy()).toBe(false);
    window.record(false);
    window.record(false);
    window.record(true);
    window.record(true);
    expect(window.healthy()).toBe(false);
    window.record(true);
    expect(window.healthy()).toBe(true);
  });

  it('refuses settings Front Door would refuse', () => {
    expect(() => createHealthWindow({ sampleSize: 0, successfulSamplesRequired: 0 })).toThrow(/sampleSize/);
    expect(() => createHealthWindow({ sampleSize: 2, successfulSamplesRequired: 3 })).toThrow(/successfulSamplesRequired/);
  });
});
