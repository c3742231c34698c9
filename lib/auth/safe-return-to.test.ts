import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './safe-return-to';
import { signInPath } from './sign-in-path';

describe('safeReturnTo', () => {
  it.each([
    ['/', '/'],
    ['/audit', '/audit'],
    ['/failovers/42?tab=steps#step-3', '/failovers/42?tab=steps#step-3'],
    ['/approvals/%2F%2Fevil.example', '/approvals/%2F%2Fevil.example'],
  ])('keeps the same-origin path %s', (raw, expected) => {
    expect(safeReturnTo(raw)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    'http://localhost:3000/audit',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%09/evil.example'.replace('%09', '\t'),
    '/\n/evil.example',
    'javascript:alert(1)',
    'audit',
    '',
    '/auth/sign-in?returnTo=/auth/sign-in',
    '/auth/callback',
    '/auth',
    '/a/../auth/sign-out',
    `/${'a'.repeat(3000)}`,
    undefined,
    42,
    ['/audit'],
  ])('falls back to / for %j', (raw) => {
    expect(safeReturnTo(raw)).toBe('/');
  });
});

describe('signInPath', () => {
  it('carries a validated returnTo and the fresh-login options', () => {
    expect(signInPath('/audit?x=1')).toBe('/auth/sign-in?returnTo=%2Faudit%3Fx%3D1');
    expect(signInPath('//evil.example')).toBe('/auth/sign-in?returnTo=%2F');
    expect(signInPath('/approvals/7', { prompt: 'login', maxAge: 600 })).toBe('/auth/sign-in?returnTo=%2Fapprovals%2F7&prompt=login&maxAge=600');
  });
});
