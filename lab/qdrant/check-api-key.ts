import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type ApiKeys = { readWrite?: string; readOnly?: string };
export type Access = 'read-write' | 'read-only';

function sameKey(given: string, expected: string | undefined): boolean {
  if (!expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Qdrant's key check: the `api-key` header or `Authorization: Bearer <key>`. Qdrant 1.19 answers a
 * missing or unknown key with 401 and a plain-text body (not its JSON envelope).
 */
export function checkApiKey(headers: IncomingHttpHeaders, keys: ApiKeys): { access: Access } | { denied: string } {
  if (!keys.readWrite && !keys.readOnly) return { access: 'read-write' };
  const header = headers['api-key'];
  const bearer = headers.authorization?.startsWith('Bearer ') ? headers.authorization.slice('Bearer '.length) : undefined;
  const given = (Array.isArray(header) ? header[0] : header) ?? bearer;
  if (given === undefined) return { denied: 'Must provide an API key or an Authorization bearer token' };
  if (sameKey(given, keys.readWrite)) return { access: 'read-write' };
  if (sameKey(given, keys.readOnly)) return { access: 'read-only' };
  return { denied: 'Invalid API key or JWT' };
}
