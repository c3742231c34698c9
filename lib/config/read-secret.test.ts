import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { readSecret } from './read-secret';

describe('readSecret', () => {
  it('reads the named variable when it is needed', () => {
    expect(readSecret('QDRANT_PRIMARY_API_KEY', { QDRANT_PRIMARY_API_KEY: 'k-123' })).toBe('k-123');
  });

  it('gives undefined when the configuration names no secret', () => {
    expect(readSecret(undefined, {})).toBeUndefined();
  });

  it('throws a ConfigError naming the variable when it has gone missing', () => {
    expect(() => readSecret('REDIS_PRIMARY_PASSWORD', {})).toThrow(ConfigError);
    expect(() => readSecret('REDIS_PRIMARY_PASSWORD', { REDIS_PRIMARY_PASSWORD: '' })).toThrow('REDIS_PRIMARY_PASSWORD: environment variable is empty');
  });
});
