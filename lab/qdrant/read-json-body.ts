import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { readBody } from '../shared/lab-http-server';
import { formatError } from './qdrant-error';

/** Qdrant's default `service.max_request_size_mb`. */
const MAX_JSON_BYTES = 32 * 1024 * 1024;

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Parses and validates a JSON body; anything malformed is Qdrant's 400 "Format error in JSON body". */
export async function readJsonBody<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.infer<T>> {
  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_JSON_BYTES);
  } catch {
    throw formatError('JSON body', `JSON payload is larger than allowed (limit: ${MAX_JSON_BYTES} bytes)`);
  }
  let json: unknown;
  try {
    json = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw formatError('JSON body', error instanceof Error ? error.message : String(error));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw formatError('JSON body', parsed.error.issues.slice(0, 3).map(describeIssue).join('; '));
  return parsed.data;
}
