/** A raw HTTP answer from the emulator, body decoded by content type (JSON, text, or bytes). */
export type QdrantAnswer = { status: number; contentType: string; body: unknown; bytes: Buffer };

export type CallOptions = { json?: unknown; body?: BodyInit; apiKey?: string; headers?: Record<string, string> };

export async function callQdrant(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<QdrantAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey) headers['api-key'] = options.apiKey;
  let body = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  let decoded: unknown = bytes;
  if (contentType.startsWith('application/json')) decoded = JSON.parse(bytes.toString('utf8'));
  else if (contentType.startsWith('text/')) decoded = bytes.toString('utf8');
  else if (bytes.length === 0) decoded = undefined;
  return { status: response.status, contentType, body: decoded, bytes };
}

/** Deterministic pseudo-random vectors, so tests are repeatable. */
export function seededVectors(count: number, dim: number, seed = 1): number[][] {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) / 0xffffffff) * 2 - 1;
  };
  return Array.from({ length: count }, () => Array.from({ length: dim }, next));
}
