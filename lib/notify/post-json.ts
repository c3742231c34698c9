export type PostOutcome = { ok: true; status: number } | { ok: false; error: string };

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timed out after ${timeoutMs} ms`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

/** POSTs JSON with a deadline. Any 2xx is delivered; anything else is an error naming the status and the start of the body. */
export async function postJson(url: string, body: unknown, options: { headers?: Record<string, string>; timeoutMs: number; fetch?: typeof fetch }): Promise<PostOutcome> {
  const send = options.fetch ?? fetch;
  try {
    const response = await send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Lifeboat', ...options.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    if (response.ok) return { ok: true, status: response.status };
    return { ok: false, error: `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}` };
  } catch (error) {
    return { ok: false, error: describeError(error, options.timeoutMs) };
  }
}
