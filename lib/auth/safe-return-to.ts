import { z } from 'zod';

const PLACEHOLDER_ORIGIN = 'https://lifeboat.invalid';
const ReturnTo = z
  .string()
  .max(2048)
  .regex(/^\/(?![/\\])/, 'must be a path on this site')
  .refine((value) => ![...value].some(isUnsafeCharacter), 'no backslashes or control characters');

function isUnsafeCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  return char === '\\' || code < 0x20 || code === 0x7f;
}

/**
 * Where to send the user after sign-in: a same-origin relative path, else `/`. Refuses anything
 * a browser could read as another origin (`//evil`, `/\evil`, `https:`), and the /auth/ routes.
 */
export function safeReturnTo(raw: unknown): string {
  const parsed = ReturnTo.safeParse(raw);
  if (!parsed.success) return '/';
  const url = new URL(parsed.data, PLACEHOLDER_ORIGIN);
  if (url.origin !== PLACEHOLDER_ORIGIN) return '/';
  if (url.pathname === '/auth' || url.pathname.startsWith('/auth/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
