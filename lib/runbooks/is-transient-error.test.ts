import { describe, expect, it } from 'vitest';
import { isTransientError } from './is-transient-error';
import { VerdictFailure } from './verdict-failure';
import { StepTimeoutError } from './with-timeout';

describe('isTransientError', () => {
  it('retries ARM throttling and server errors, never client errors', () => {
    expect(isTransientError({ statusCode: 429 })).toBe(true);
    expect(isTransientError({ status: 503 })).toBe(true);
    expect(isTransientError(Object.assign(new Error('Encountered internal server error'), { statusCode: 500 }))).toBe(true);
    expect(isTransientError({ statusCode: 400 })).toBe(false);
    expect(isTransientError({ statusCode: 409, code: 'ECONNRESET' })).toBe(false);
  });

  it('retries every network code, as error.code or named in the message', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'ENOTFOUND', 'REQUEST_SEND_ERROR']) {
      expect(isTransientError(Object.assign(new Error('request failed'), { code })), code).toBe(true);
      expect(isTransientError(new Error(`secondary Redis: check role: connect ${code} 127.0.0.1:6381`)), code).toBe(true);
    }
    expect(isTransientError(new Error('Blob: download: socket hang up'))).toBe(true);
  });

  it('retries 429/5xx named only in a pipeline message, not a refused snapshot', () => {
    expect(isTransientError(new Error('secondary Qdrant: recover from snapshot: HTTP 503: Service Unavailable'))).toBe(true);
    expect(isTransientError(new Error('Blob: upload: HTTP 429: Too Many Requests'))).toBe(true);
    expect(isTransientError(new Error('secondary Qdrant: recover from snapshot: HTTP 400: Snapshot checksum mismatch'))).toBe(false);
    expect(isTransientError(new Error('no verified snapshot of documents from canadacentral in Blob'))).toBe(false);
  });

  it('never retries a timeout, a step verdict quoting a network failure, or a bare value', () => {
    expect(isTransientError(new StepTimeoutError(10))).toBe(false);
    expect(isTransientError(new VerdictFailure('canadaeast is not healthy enough to serve: app failed: connect ECONNREFUSED 127.0.0.1:8080'))).toBe(false);
    expect(isTransientError('boom')).toBe(false);
    expect(isTransientError(undefined)).toBe(false);
  });
});
