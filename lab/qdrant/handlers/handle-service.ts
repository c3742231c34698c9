import { sendJson } from '../../shared/lab-http-server';
import type { RouteHandler } from '../qdrant-context';
import { sendText } from '../send-qdrant-response';

/** The version the official client checks (major equal, minor within one of its own 1.19). */
export const QDRANT_VERSION = '1.19.0';

/** `GET /`: Qdrant's VersionInfo, not wrapped in the result envelope. */
export const handleRoot: RouteHandler = async ({ res }) => {
  sendJson(res, 200, { title: 'qdrant - vector search engine', version: QDRANT_VERSION });
};

/** `/healthz` and `/livez` answer as soon as the HTTP API serves; `/readyz` once collections are loaded (always, here). */
export const handleHealthz: RouteHandler = async ({ res }) => sendText(res, 200, 'healthz check passed');
export const handleReadyz: RouteHandler = async ({ res }) => sendText(res, 200, 'all shards are ready');
