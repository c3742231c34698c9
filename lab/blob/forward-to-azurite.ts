import http from 'node:http';
import { pipeline } from 'node:stream';

export type AzuriteTarget = { host: string; port: number; agent: http.Agent };

/** Connection-level headers belong to each hop, not to the request or response (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'expect']);

function endToEndHeaders(raw: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) kept.push(name, raw[i + 1] as string);
  }
  return kept;
}

function sendBadGateway(res: http.ServerResponse, error: Error): void {
  if (res.headersSent) {
    res.destroy(error);
    return;
  }
  res.writeHead(502, { 'content-type': 'text/plain' });
  res.end(`lab blob front: Azurite unreachable (${error.message})`);
}

/** Sends the request to Azurite as is and returns its response, body not read yet. */
export function requestAzurite(req: http.IncomingMessage, target: AzuriteTarget): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const upstream = http.request({ host: target.host, port: target.port, method: req.method, path: req.url, headers: endToEndHeaders(req.rawHeaders), agent: target.agent }, resolve);
    upstream.on('error', reject); // `on`: a destroyed request may report more than once
    // Streams the body through without buffering; a client that goes away cancels the upstream call.
    pipeline(req, upstream, (error) => {
      if (error) upstream.destroy(error);
    });
  });
}

/** Pass-through: method, path, query, headers (Host included) and body unchanged, both ways, streaming. */
export async function forwardToAzurite(req: http.IncomingMessage, res: http.ServerResponse, target: AzuriteTarget): Promise<void> {
  let response: http.IncomingMessage;
  try {
    response = await requestAzurite(req, target);
  } catch (error) {
    sendBadGateway(res, error instanceof Error ? error : new Error(String(error)));
    return;
  }
  res.writeHead(response.statusCode ?? 502, response.statusMessage, endToEndHeaders(response.rawHeaders));
  pipeline(response, res, () => undefined); // errors here mean one side hung up; pipeline destroys both
}
