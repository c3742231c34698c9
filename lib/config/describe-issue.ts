import type { z } from 'zod';
import { describeValue } from './describe-value';

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function allowedKeys(issue: { inst?: unknown }): string[] {
  const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

function isSecretName(path: readonly PropertyKey[] | undefined): boolean {
  const last = path?.at(-1);
  const parent = path?.at(-2);
  return (typeof last === 'string' && last.endsWith('Env')) || (typeof parent === 'string' && parent.endsWith('Env'));
}

function bound(issue: { origin: string; inclusive?: boolean }, limit: number | bigint, below: boolean): string {
  if (issue.origin === 'string') {
    if (below && Number(limit) === 1) return 'must not be empty';
    return `must be ${below ? 'at least' : 'at most'} ${limit} characters long`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    if (below && Number(limit) === 1) return 'must list at least one item';
    return `must list ${below ? 'at least' : 'at most'} ${limit} items`;
  }
  if (issue.inclusive === false) return `must be ${below ? 'greater' : 'less'} than ${limit}`;
  return `must be ${below ? 'at least' : 'at most'} ${limit}`;
}

/**
 * zod error map giving every problem a plain message with the offending value ("got …").
 * Unknown keys get one message line per key, in the order of `issue.keys`, for the loader to split.
 */
export const describeIssue: z.core.$ZodErrorMap = (issue) => {
  const got = isSecretName(issue.path) ? '' : ` (got ${describeValue(issue.input)})`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      if (issue.input === null) return `required: the key is there but has no value (expected ${TYPE_WORDS[issue.expected] ?? issue.expected})`;
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}${got}`;
    case 'too_small':
      return `${bound(issue, issue.minimum, true)}${got}`;
    case 'too_big':
      return `${bound(issue, issue.maximum, false)}${got}`;
    case 'invalid_value': {
      const allowed = `${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((value) => describeValue(value)).join(', ')}`;
      return issue.input === undefined ? `required: ${allowed}` : `must be ${allowed}${got}`;
    }
    case 'invalid_format':
      return issue.format === 'url' ? `not a valid URL${got}` : `not a valid ${issue.format}${got}`;
    case 'unrecognized_keys': {
      const keys = allowedKeys(issue);
      return issue.keys
        .map((key) => {
          const suggestion = closest(key, keys);
          return `unknown key${suggestion ? ` (did you mean ${describeValue(suggestion)}?)` : keys.length > 0 ? ` (allowed: ${keys.join(', ')})` : ''}`;
        })
        .join('\n');
    }
    case 'invalid_union': {
      if ('discriminator' in issue && typeof issue.discriminator === 'string') {
        const options = Array.isArray(issue.options) ? issue.options.map((option) => describeValue(option)).join(', ') : '';
        const value = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
        return value === undefined ? `required: one of ${options}` : `must be one of ${options} (got ${describeValue(value)})`;
      }
      return `does not match any allowed form${got}`;
    }
    default:
      return undefined;
  }
};
