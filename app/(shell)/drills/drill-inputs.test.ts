import { describe, expect, it } from 'vitest';
import { Environment } from './drill-inputs';

describe('Environment', () => {
  it('lower-cases the name so `Lab` is the lab, not an environment whose Front Door origin is disabled', () => {
    expect(Environment.parse(' Lab ')).toBe('lab');
    expect(Environment.parse('STAGING-2')).toBe('staging-2');
    expect(Environment.safeParse('-lab').success).toBe(false);
  });
});
