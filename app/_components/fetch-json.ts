/**
 * GET a JSON API for a polling query, never from a cache. A failed answer throws with the API's own
 * message (or the status), and a 401 says the session has ended, so a poll shows why it stopped.
 */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) {
    if (response.status === 401) throw new Error('Your session has ended: reload to sign in again.');
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `The server answered ${response.status}.`);
  }
  return response.json() as Promise<T>;
}
