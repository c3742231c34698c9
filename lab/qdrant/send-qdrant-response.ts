import type { ServerResponse } from 'node:http';
import { sendJson } from '../shared/lab-http-server';
import type { QdrantError } from './qdrant-error';

/** Seconds since the request started, as Qdrant's `time` field reports it. */
export function elapsedSeconds(startedAt: bigint): number {
  return Number(process.hrtime.bigint() - startedAt) / 1e9;
}

export function sendResult(res: ServerResponse, startedAt: bigint, result: unknown): void {
  sendJson(res, 200, { result, status: 'ok', time: elapsedSeconds(startedAt) });
}

/** `wait=false` on an operation Qdrant runs in the background: 202 and no result. */
export function sendAccepted(res: ServerResponse, startedAt: bigint): void {
  sendJson(res, 202, { status: 'accepted', time: elapsedSeconds(startedAt) });
}

export function sendError(res: ServerResponse, startedAt: bigint, error: QdrantError): void {
  if (res.headersSent) {
    res.destroy(error);
    return;
  }
  sendJson(res, error.status, { status: { error: error.message }, time: elapsedSeconds(startedAt) });
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
