const PER_REQUEST_MS = 10_000;

export type JsonAnswer = { status: number; body: unknown };

/** One JSON request through the public entry point, bounded by its own deadline and the step's signal. */
export async function callJson(url: string, signal: AbortSignal, init: { method?: 'GET' | 'POST'; body?: unknown; token?: string } = {}): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    signal: AbortSignal.any([signal, AbortSignal.timeout(PER_REQUEST_MS)]),
    headers: { accept: 'application/json', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON (an edge error page): kept as text for the reason.
  }
  return { status: response.status, body };
}
