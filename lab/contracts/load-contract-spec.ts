import { readFileSync } from 'node:fs';
import path from 'node:path';

export type ContractSpecName = 'qdrant' | 'afd';

/** A JSON value from a spec document, walked without trusting its shape. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type ContractSpec = {
  name: ContractSpecName;
  /** OpenAPI 3.0 (`components`) or Swagger 2.0 (`definitions`). */
  kind: 'openapi3' | 'swagger2';
  paths: JsonObject;
  components?: JsonObject;
  definitions?: JsonObject;
};

const SPEC_FILES: Record<ContractSpecName, string> = {
  // The full v1.19 document; the trimmed qdrant-snapshots-openapi.json is a verbatim subset of it.
  qdrant: 'qdrant-openapi-v1.19.json',
  afd: 'afd-openapi.json',
};

/** `../shared/contracts` beside the repository (as CI clones it), or LIFEBOAT_CONTRACTS_DIR. */
export function contractsDir(): string {
  return process.env.LIFEBOAT_CONTRACTS_DIR ?? path.resolve(process.cwd(), '..', 'shared', 'contracts');
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Swagger 2.0 schemas are JSON Schema draft 4: boolean exclusiveMinimum/Maximum and `x-nullable`.
 * Ajv 8 (draft 7) rejects the former and ignores the latter, so both are rewritten once here.
 */
function toDraft7(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(toDraft7);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) out[key] = toDraft7(child);
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    const limit = out[bound];
    if (out[flag] === true && typeof limit === 'number') {
      out[flag] = limit;
      delete out[bound];
    } else delete out[flag];
  }
  if (out['x-nullable'] === true) out.nullable = true;
  return out;
}

const cache = new Map<ContractSpecName, ContractSpec>();

export function loadContractSpec(name: ContractSpecName): ContractSpec {
  const cached = cache.get(name);
  if (cached) return cached;
  const file = path.join(contractsDir(), SPEC_FILES[name]);
  let document: JsonValue;
  try {
    document = JSON.parse(readFileSync(file, 'utf8')) as JsonValue;
  } catch (error) {
    throw new Error(`cannot read the ${name} contract at ${file} (set LIFEBOAT_CONTRACTS_DIR): ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isJsonObject(document) || !isJsonObject(document.paths)) throw new Error(`${file} has no "paths" object`);
  let spec: ContractSpec;
  if (typeof document.swagger === 'string') {
    const converted = asObject(toDraft7(document));
    spec = { name, kind: 'swagger2', paths: asObject(converted.paths ?? {}), definitions: asObject(converted.definitions ?? {}) };
  } else {
    spec = { name, kind: 'openapi3', paths: document.paths, components: asObject(document.components ?? {}) };
  }
  cache.set(name, spec);
  return spec;
}

function asObject(value: JsonValue): JsonObject {
  return isJsonObject(value) ? value : {};
}
