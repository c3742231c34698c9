import OpenAPIResponseValidator from 'openapi-response-validator';
import { isJsonObject, loadContractSpec, type ContractSpec, type ContractSpecName, type JsonObject, type JsonValue } from './load-contract-spec';
import { matchContractOperation } from './match-contract-operation';

export type ContractResponse = {
  method: string;
  /** The concrete request path, e.g. `/collections/documents/snapshots` (a query string is ignored). */
  path: string;
  status: number;
  /** Parsed JSON, a string for text bodies, bytes for binary ones; undefined/null/'' for none. */
  body: unknown;
  /** When given, it must be one of the content types the contract documents for this response. */
  contentType?: string;
};

type ValidatorArgs = ConstructorParameters<typeof OpenAPIResponseValidator>[0];
type Transformer = NonNullable<ValidatorArgs['errorTransformer']>;
type Validator = InstanceType<typeof OpenAPIResponseValidator>;

/** The class, whichever way the CommonJS module's default export was interop-wrapped by the loader. */
function validatorClass(): typeof OpenAPIResponseValidator {
  const loaded: unknown = OpenAPIResponseValidator;
  if (typeof loaded === 'function') return loaded as typeof OpenAPIResponseValidator;
  const inner = (loaded as { default?: unknown }).default;
  if (typeof inner === 'function') return inner as typeof OpenAPIResponseValidator;
  throw new Error('openapi-response-validator did not load a validator class');
}

/** String formats only: the library registers function formats, which Ajv applies to strings (numbers carry minimum/type). */
const matches = (pattern: RegExp) => (value: string) => pattern.test(value);
const CUSTOM_FORMATS: NonNullable<ValidatorArgs['customFormats']> = {
  // Qdrant's snapshot creation_time: a date-time without a zone, e.g. 2022-08-04T10:49:10.
  'partial-date-time': matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/),
  'date-time': matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i),
  uuid: matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
};

/** `result/0/size` → `result[0].size`; the property a `required`/`additionalProperties` error is about is appended. */
function fieldName(path: string | undefined, params: Record<string, unknown>): string {
  // The library reports the body itself as `response` (its wrapper property); deeper paths come unwrapped.
  const parts = path === 'response' ? [] : (path ?? '').split('/').filter(Boolean);
  for (const key of ['missingProperty', 'additionalProperty'] as const) {
    if (typeof params[key] === 'string') parts.push(params[key]);
  }
  const text = parts.map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
  return text || '(body)';
}

const describeError: Transformer = (error, ajvError) => {
  const params = (ajvError.params ?? {}) as Record<string, unknown>;
  let message = error.message;
  if (ajvError.keyword === 'enum' && Array.isArray(params.allowedValues)) message = `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  else if (ajvError.keyword === 'required') message = 'is required';
  else if (ajvError.keyword === 'additionalProperties') message = 'is not allowed';
  return `${fieldName(error.path, params)}: ${message}`;
};

function pickResponse(responses: JsonObject, status: number): { key: string; response: JsonObject } | undefined {
  for (const key of [String(status), `${String(status)[0]}XX`, 'default']) {
    const response = responses[key];
    if (isJsonObject(response)) return { key, response };
  }
  return undefined;
}

/** The response's schema (for the given content type when the contract lists several), or null when it documents no body. */
function schemaOf(spec: ContractSpec, response: JsonObject, contentType: string | undefined): { schema: JsonValue | null; error?: string } {
  if (spec.kind === 'swagger2') return { schema: response.schema ?? null };
  const content = response.content;
  if (!isJsonObject(content) || Object.keys(content).length === 0) return { schema: null };
  const types = Object.keys(content);
  const wanted = contentType?.split(';')[0]?.trim().toLowerCase();
  const chosen = wanted ? types.find((type) => type.toLowerCase() === wanted) : types[0];
  if (!chosen) return { schema: null, error: `content type ${wanted} is not documented (expected ${types.join(' or ')})` };
  const media = content[chosen];
  return { schema: isJsonObject(media) ? (media.schema ?? null) : null };
}

const validators = new Map<string, Validator>();

function validatorFor(spec: ContractSpec, cacheKey: string, statusKey: string, schema: JsonValue): Validator {
  let validator = validators.get(cacheKey);
  if (!validator) {
    const Validator = validatorClass();
    validator = new Validator({
      responses: { [statusKey]: { schema } } as unknown as ValidatorArgs['responses'],
      components: spec.components as ValidatorArgs['components'],
      definitions: spec.definitions as ValidatorArgs['definitions'],
      customFormats: CUSTOM_FORMATS,
      errorTransformer: describeError,
    });
    validators.set(cacheKey, validator);
  }
  return validator;
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || body === '' || (body instanceof Uint8Array && body.length === 0);
}

/**
 * Checks one response against the shared contract (`../shared/contracts`): the path template and method,
 * the documented status codes, the content type when given, and the body schema with `$ref`s resolved.
 * Returns the problems found, each naming the field; an empty list means the response is valid.
 */
export function validateContractResponse(specName: ContractSpecName, input: ContractResponse): string[] {
  const spec = loadContractSpec(specName);
  const matched = matchContractOperation(spec, input.method, input.path);
  if ('error' in matched) return [matched.error];
  const where = `${input.method.toUpperCase()} ${matched.template}`;
  const responses = matched.operation.responses;
  const picked = isJsonObject(responses) ? pickResponse(responses, input.status) : undefined;
  if (!picked) return [`status ${input.status} is not a documented response of ${where}`];

  const { schema, error } = schemaOf(spec, picked.response, input.contentType);
  if (error) return [`${where} ${input.status}: ${error}`];
  if (schema === null) return isEmptyBody(input.body) ? [] : [`${where} ${input.status}: the contract documents no body, got one`];

  const body = input.body instanceof Uint8Array ? Buffer.from(input.body).toString('latin1') : input.body;
  const cacheKey = `${spec.name} ${where} ${picked.key} ${input.contentType ?? ''}`;
  const result = validatorFor(spec, cacheKey, picked.key, schema).validateResponse(picked.key, body);
  if (!result) return [];
  const errors: unknown[] = Array.isArray(result.errors) ? result.errors : [result.message];
  return errors.map((problem) => `${where} ${input.status}: ${typeof problem === 'string' ? problem : JSON.stringify(problem)}`);
}
