import type http from 'node:http';
import { requestAzurite, type AzuriteTarget } from './forward-to-azurite';
import type { GeoReplication } from './geo-replication';
import { renderServiceStats } from './render-service-stats';

/** Get Blob Service Stats: `GET /<account>-secondary/?restype=service&comp=stats` (path style). */
export function isServiceStatsRequest(req: http.IncomingMessage, secondaryAccount: string): boolean {
  if (req.method !== 'GET' || !req.url) return false;
  const url = new URL(req.url, 'http://front');
  const path = url.pathname.replace(/\/+$/, '');
  return path === `/${secondaryAccount}` && url.searchParams.get('restype') === 'service' && url.searchParams.get('comp') === 'stats';
}

/**
 * Azurite still checks the request (auth, SAS, headers) and supplies the response headers; only a
 * successful body is replaced with the simulated geo-replication state (Azurite's is always live, now).
 */
export async function answerServiceStats(req: http.IncomingMessage, res: http.ServerResponse, target: AzuriteTarget, geo: GeoReplication): Promise<void> {
  let response: http.IncomingMessage;
  try {
    response = await requestAzurite(req, target);
  } catch (error) {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`lab blob front: Azurite unreachable (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const body = response.statusCode === 200 ? Buffer.from(renderServiceStats(geo.stats()), 'utf8') : Buffer.concat(chunks);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined && !['connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name)) headers[name] = value;
  }
  res.writeHead(response.statusCode ?? 502, response.statusMessage, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}
