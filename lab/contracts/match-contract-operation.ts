import { isJsonObject, type ContractSpec, type JsonObject } from './load-contract-spec';

export type MatchedOperation = { template: string; operation: JsonObject };

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

function segmentsOf(pathname: string): string[] {
  return pathname.split('/').filter((segment, index, all) => segment !== '' || (index > 0 && index < all.length - 1));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Literal segments per position (1 = literal): a template with a literal earlier wins, as routers do. */
function specificity(template: string[]): number[] {
  return template.map((segment) => (segment.startsWith('{') && segment.endsWith('}') ? 0 : 1));
}

function compareSpecificity(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (b[i] ?? 0) - (a[i] ?? 0);
  return 0;
}

/**
 * Finds the operation a concrete request path hits, e.g. `/collections/docs/snapshots/recover` → the
 * `{collection_name}/snapshots/recover` PUT rather than `{snapshot_name}`. ARM paths compare case-insensitively.
 */
export function matchContractOperation(spec: ContractSpec, method: string, concretePath: string): MatchedOperation | { error: string } {
  const pathname = concretePath.split(/[?#]/, 1)[0] ?? '';
  const concrete = segmentsOf(pathname).map(decodeSegment);
  const fold = (text: string) => (spec.kind === 'swagger2' ? text.toLowerCase() : text);
  const wanted = method.toLowerCase();

  const candidates: { template: string; parts: string[]; item: JsonObject }[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    if (!isJsonObject(item)) continue;
    const parts = segmentsOf(template);
    if (parts.length !== concrete.length) continue;
    const fits = parts.every((part, i) => {
      const actual = concrete[i] ?? '';
      if (part.startsWith('{') && part.endsWith('}')) return actual.length > 0;
      return fold(part) === fold(actual);
    });
    if (fits) candidates.push({ template, parts, item });
  }
  if (candidates.length === 0) return { error: `no path in the ${spec.name} contract matches ${method.toUpperCase()} ${pathname}` };

  candidates.sort((a, b) => compareSpecificity(specificity(a.parts), specificity(b.parts)));
  for (const candidate of candidates) {
    const operation = candidate.item[wanted];
    if (isJsonObject(operation)) return { template: candidate.template, operation };
  }
  const offered = [...new Set(candidates.flatMap((c) => Object.keys(c.item).filter((key) => HTTP_METHODS.has(key))))];
  return { error: `the ${spec.name} contract has no ${method.toUpperCase()} for ${candidates[0]?.template ?? pathname} (it has: ${offered.join(', ') || 'none'})` };
}
