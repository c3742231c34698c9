import http from 'node:http';
import type { FrontDoorOriginView } from '../arm/front-door-view';
import { sendFrontDoorError } from './send-front-door-error';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** Copies headers except hop-by-hop ones (and those the Connection header names), which belong to one TCP leg. */
function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const named = new Set(String(headers.connection ?? '').split(',').map((name) => name.trim().toLowerCase()));
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) out[name] = value;
  return out;
}

class OriginTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

export type ForwardOptions = { origin: FrontDoorOriginView; azureRef: string; agent: http.Agent; timeoutMs: number };

/** Streams the request to the origin and its answer back, adding the headers Front Door adds each way. */
export function forwardRequest(req: http.IncomingMessage, res: http.ServerResponse, options: ForwardOptions): void {
  const { origin, azureRef } = options;
  const clientIp = req.socket.remoteAddress ?? '';
  const marks = { 'x-azure-ref': azureRef, 'x-lifeboat-origin': origin.name };
  const headers = endToEnd(req.headers);
  const priorFor = req.headers['x-forwarded-for'];
  Object.assign(headers, {
    host: `${origin.hostName}:${origin.httpPort}`,
    'x-forwarded-for': priorFor ? `${String(priorFor)}, ${clientIp}` : clientIp,
    'x-forwarded-host': req.headers.host ?? '',
    'x-forwarded-proto': 'http',
    'x-azure-clientip': clientIp,
    'x-azure-socketip': clientIp,
    'x-azure-ref': azureRef,
  });

  const upstream = http.request(
    { host: origin.hostName, port: origin.httpPort, method: req.method, path: req.url, headers, agent: options.agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, { ...endToEnd(answer.headers), ...marks, 'x-cache': 'CONFIG_NOCACHE' });
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    },
  );
  upstream.setTimeout(options.timeoutMs, () => upstream.destroy(new OriginTimeoutError(options.timeoutMs)));
  upstream.on('error', (error) => {
    if (res.headersSent) return void res.destroy();
    const timedOut = error instanceof OriginTimeoutError;
    sendFrontDoorError(res, timedOut ? 'OriginTimeout' : 'OriginConnectionError', `Front Door (lab) could not get an answer from origin ${origin.name} (${origin.hostName}:${origin.httpPort}): ${error.message}`, marks);
  });
  // The client going away mid-request must not leave the origin leg open.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}
