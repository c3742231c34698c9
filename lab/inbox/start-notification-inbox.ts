import type http from 'node:http';
import { startLabHttpServer } from '../shared/lab-http-server';

export type ReceivedNotification = {
  /** `/teams`, `/pagerduty`, `/webhook` (any other path is recorded too, answered 404). */
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when it is not JSON. */
  body: unknown;
  at: Date;
  /** What the inbox answered. */
  status: number;
};

export type NotificationInbox = {
  url: string;
  port: number;
  received(): ReceivedNotification[];
  clear(): void;
  /** The next `count` POSTs are recorded but answered with `status` (a flaky receiver). */
  failNext(count: number, status: number): void;
  stop(): Promise<void>;
};

type Answer = { status: number; body: string; type: string };

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value), type: 'application/json' });
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** PagerDuty Events API v2's own checks and answers (202 with dedup_key, 400 "invalid event"). */
function answerPagerDuty(body: unknown): Answer {
  const errors: string[] = [];
  if (!isRecord(body)) return json(400, { status: 'invalid event', message: 'Event object is invalid', errors: ['Body is not a JSON object'] });
  if (typeof body.routing_key !== 'string' || body.routing_key === '') errors.push("'routing_key' is missing or blank");
  if (!['trigger', 'acknowledge', 'resolve'].includes(String(body.event_action))) errors.push("'event_action' is invalid (must be one of: trigger, acknowledge, resolve)");
  if (body.event_action !== 'trigger' && typeof body.dedup_key !== 'string') errors.push("'dedup_key' is required for acknowledge and resolve");
  if (body.event_action === 'trigger') {
    const payload = body.payload;
    if (!isRecord(payload)) errors.push("'payload' is missing");
    else {
      if (typeof payload.summary !== 'string' || payload.summary === '' || payload.summary.length > 1024) errors.push("'payload.summary' is missing, blank or longer than 1024 characters");
      if (typeof payload.source !== 'string' || payload.source === '') errors.push("'payload.source' is missing or blank");
      if (!['critical', 'error', 'warning', 'info'].includes(String(payload.severity))) errors.push("'payload.severity' is invalid (must be one of: critical, error, warning, info)");
    }
  }
  if (errors.length > 0) return json(400, { status: 'invalid event', message: 'Event object is invalid', errors });
  return json(202, { status: 'success', message: 'Event processed', dedup_key: typeof body.dedup_key === 'string' ? body.dedup_key : `lab-${Date.now()}` });
}

/** A Teams incoming webhook answers 200 "1"; a body that is not a message with attachments is a 400. */
function answerTeams(body: unknown): Answer {
  const ok = isRecord(body) && body.type === 'message' && Array.isArray(body.attachments) && body.attachments.length > 0;
  return ok ? { status: 200, body: '1', type: 'text/plain' } : { status: 400, body: 'Bad payload received by generic incoming webhook.', type: 'text/plain' };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The lab's stand-in for Teams, PagerDuty and a status-page webhook: records every POST and
 * answers as the real service would. `GET /received` lists what arrived and `DELETE /received`
 * clears it, for tests that run the inbox in another process (the lab supervisor).
 */
export async function startNotificationInbox(options: { port: number; host?: string }): Promise<NotificationInbox> {
  let received: ReceivedNotification[] = [];
  let failing = { count: 0, status: 500 };

  const server = await startLabHttpServer({
    port: options.port,
    host: options.host,
    handler: async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://inbox').pathname;
      const send = (answer: Answer) => {
        res.writeHead(answer.status, { 'content-type': answer.type });
        res.end(answer.body);
      };
      if (path === '/received' && req.method === 'GET') return send(json(200, received));
      if (path === '/received' && req.method === 'DELETE') {
        received = [];
        return send({ status: 204, body: '', type: 'text/plain' });
      }
      if (req.method !== 'POST') return send(json(405, { error: 'POST only' }));

      const text = await readBody(req);
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Recorded as text; the kind-specific checks below refuse it.
      }
      let answer: Answer;
      if (failing.count > 0) {
        failing = { ...failing, count: failing.count - 1 };
        answer = json(failing.status, { error: 'failure injected by failNext' });
      } else if (path === '/pagerduty') answer = answerPagerDuty(body);
      else if (path === '/teams') answer = answerTeams(body);
      else if (path === '/webhook') answer = isRecord(body) ? json(200, { ok: true }) : json(400, { error: 'expected a JSON object' });
      else answer = json(404, { error: `no inbox at ${path}: use /teams, /pagerduty or /webhook` });

      const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]])));
      received.push({ path, headers, body, at: new Date(), status: answer.status });
      send(answer);
    },
  });

  return {
    url: server.url,
    port: server.port,
    received: () => [...received],
    clear: () => {
      received = [];
    },
    failNext: (count, status) => {
      failing = { count, status };
    },
    stop: () => server.stop(),
  };
}
