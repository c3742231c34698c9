import type http from 'node:http';
import { sendJson } from '../shared/lab-http-server';
import type { AppContext } from './app-context';
import { checkHealth } from './check-health';
import { describeQdrantFailure } from './describe-qdrant-failure';
import { ingestDocuments } from './ingest-documents';
import { issueToken } from './issue-token';
import { parseJsonBody } from './parse-json-body';
import { queryDocuments } from './query-documents';
import { IngestRequest, QueryRequest, TokenRequest } from './request-schemas';
import { verifyToken } from './verify-token';

/** The protected app's routes: the drill's smoke tests (ingest, query, auth) and the health Front Door probes. */
export function createRequestHandler(ctx: AppContext, redisError: () => string | null) {
  const withQdrant = async (res: http.ServerResponse, work: () => Promise<unknown>) => {
    try {
      sendJson(res, 200, await work());
    } catch (error) {
      const failure = describeQdrantFailure(error);
      sendJson(res, failure.status, { region: ctx.region, error: failure.error });
    }
  };

  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://app').pathname;
    const route = `${req.method ?? 'GET'} ${path}`;
    switch (route) {
      case 'GET /health':
      case 'HEAD /health': {
        const report = await checkHealth(ctx, redisError);
        return sendJson(res, report.status === 'unavailable' ? 503 : 200, report);
      }
      case 'POST /ingest': {
        const body = await parseJsonBody(req, IngestRequest);
        if (!body.ok) return sendJson(res, 400, { error: 'invalid request', issues: body.errors });
        return withQdrant(res, () => ingestDocuments(ctx, body.value.documents));
      }
      case 'POST /query': {
        const body = await parseJsonBody(req, QueryRequest);
        if (!body.ok) return sendJson(res, 400, { error: 'invalid request', issues: body.errors });
        return withQdrant(res, () => queryDocuments(ctx, body.value.text, body.value.limit));
      }
      case 'POST /auth/token': {
        const body = await parseJsonBody(req, TokenRequest);
        if (!body.ok) return sendJson(res, 400, { error: 'invalid request', issues: body.errors });
        return sendJson(res, 200, await issueToken(ctx.authSecret, body.value.user), { 'cache-control': 'no-store' });
      }
      case 'GET /auth/check': {
        const check = await verifyToken(ctx.authSecret, req.headers.authorization);
        if (check.ok) return sendJson(res, 200, { ok: true, user: check.user, region: ctx.region });
        return sendJson(res, 401, { error: 'invalid_token', error_description: check.reason }, { 'www-authenticate': 'Bearer realm="protected-app", error="invalid_token"' });
      }
      default:
        return sendJson(res, 404, { error: `no route ${route}`, routes: ['GET /health', 'POST /ingest', 'POST /query', 'POST /auth/token', 'GET /auth/check'] });
    }
  };
}
