import type http from 'node:http';
import { sendJson } from '../shared/lab-http-server';

export type FrontDoorErrorCode = 'NoHealthyOrigin' | 'OriginConnectionError' | 'OriginTimeout';

const STATUS: Record<FrontDoorErrorCode, number> = { NoHealthyOrigin: 503, OriginConnectionError: 502, OriginTimeout: 503 };

/** An error the edge answers itself; the code matches the `ErrorInfo` of Front Door's access log. */
export function sendFrontDoorError(
  res: http.ServerResponse,
  code: FrontDoorErrorCode,
  message: string,
  headers: Record<string, string>,
  detail: Record<string, unknown> = {},
): void {
  sendJson(res, STATUS[code], { error: { code, message }, ...detail }, { 'cache-control': 'no-store', ...headers });
}
