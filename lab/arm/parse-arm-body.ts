import type { z } from 'zod';
import { ArmError } from './arm-error';

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.').replace(/\.\[/g, '[');
}

/**
 * Validates a request body as the resource provider would: a missing required property is an
 * InvalidResource, a value out of its range or of the wrong type a BadRequest; both 400.
 */
export function parseArmBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ArmError(400, 'BadRequest', 'The request body is invalid.');
  const where = pathOf(issue.path) || 'body';
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  if (missing) throw new ArmError(400, 'InvalidResource', `The resource definition is invalid: property '${where}' is required.`);
  throw new ArmError(400, 'BadRequest', `Invalid value for property '${where}': ${issue.message}.`);
}
