import type http from 'node:http';
import type { z } from 'zod';
import { readBody } from '../shared/lab-http-server';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: { path: string; message: string }[] };

/** Reads a JSON body (at most 16 MiB) and validates it; a body that is not JSON is one error at the root. */
export async function parseJsonBody<S extends z.ZodType>(req: http.IncomingMessage, schema: S): Promise<Parsed<z.output<S>>> {
  let json: unknown;
  try {
    json = JSON.parse((await readBody(req, 16 * 1024 * 1024)).toString('utf8'));
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: error instanceof Error ? error.message : 'unreadable body' }] };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
}
