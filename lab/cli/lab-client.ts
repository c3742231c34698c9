import type { LabStatus } from '../supervisor/lab-status';

export function controlUrl(): string {
  return `http://127.0.0.1:${process.env.LIFEBOAT_LAB_CONTROL_PORT ?? 8090}`;
}

/** The running lab's status, or null when no lab answers. */
export async function fetchLabStatus(): Promise<LabStatus | null> {
  try {
    const response = await fetch(`${controlUrl()}/status`, { signal: AbortSignal.timeout(2000) });
    return response.ok ? ((await response.json()) as LabStatus) : null;
  } catch {
    return null;
  }
}

/** POSTs to the control API; returns its message or throws its error. */
export async function postToLab(route: string, body: unknown = {}): Promise<string> {
  const response = await fetch(`${controlUrl()}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json()) as { message?: string; error?: string };
  if (!response.ok) throw new Error(answer.error ?? `the lab answered ${response.status}`);
  return answer.message ?? 'ok';
}
