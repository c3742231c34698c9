import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { describeFailure, serviceError, wrongInput } from './qdrant-error';

export type DownloadedFile = { file: string; sha256: string; size: number };

/** The URL without its query string: a SAS signature must not end up in error messages and logs. */
export function redactUrl(url: URL): string {
  return `${url.origin}${url.pathname}${url.search ? '?…' : ''}`;
}

/**
 * Fetches a snapshot over http(s) into `file`, hashing it on the way (never held in memory).
 * A non-2xx answer is Qdrant's 400 "Failed to download"; a network failure is a 500.
 */
export async function downloadSnapshot(url: URL, file: string, apiKey?: string | null): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(url, { headers: apiKey ? { 'api-key': apiKey } : {}, redirect: 'follow' });
  } catch (error) {
    throw serviceError(`Http request error: ${describeFailure(error)} (${redactUrl(url)})`);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    throw wrongInput(`Failed to download snapshot from ${redactUrl(url)}: status - ${response.status} ${response.statusText}`);
  }
  const hash = createHash('sha256');
  const handle = await open(file, 'wx');
  let size = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      size += chunk.length;
      await handle.write(chunk);
    }
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(file, { force: true });
    throw serviceError(`Http request error: ${describeFailure(error)} (${redactUrl(url)})`);
  }
  return { file, sha256: hash.digest('hex'), size };
}
