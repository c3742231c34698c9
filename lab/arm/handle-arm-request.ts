import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { readBody, type RequestHandler } from '../shared/lab-http-server';
import { checkApiVersion } from './api-versions';
import { ArmError } from './arm-error';
import type { ArmFaults } from './arm-faults';
import type { ArmMethod, ArmRoute, EmulatorSettings } from './arm-handler';
import type { ArmRequestLog } from './arm-request-log';
import type { ArmResponse } from './arm-response';
import { ARM_ROUTES } from './arm-routes';
import { matchArmPath } from './match-arm-path';
import type { ArmStore } from './open-arm-store';

const METHODS: readonly string[] = ['GET', 'PUT', 'PATCH', 'DELETE', 'POST'];
/** Request bodies are small JSON documents; anything bigger is a mistake. */
const BODY_LIMIT = 4 * 1024 * 1024;

export type ArmRequestHandlerOptions = { store: ArmStore; settings: EmulatorSettings; faults: ArmFaults; baseUrl: () => string; log?: ArmRequestLog };

function send(req: http.IncomingMessage, res: http.ServerResponse, response: ArmResponse): void {
  const text = response.body === undefined ? '' : JSON.stringify(response.body);
  const correlation = req.headers['x-ms-correlation-request-id'];
  res.writeHead(response.status, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': Buffer.byteLength(text),
    'x-ms-request-id': randomUUID(),
    'x-ms-correlation-request-id': typeof correlation === 'string' ? correlation : randomUUID(),
    ...response.headers,
  });
  res.end(text);
}

/** Any bearer token is accepted in the lab; a request without one is refused as ARM refuses it. */
function requireBearer(authorization: string | undefined): void {
  if (!authorization) {
    throw new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", {
      'www-authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."',
    });
  }
  if (!/^Bearer\s+\S+/i.test(authorization)) {
    throw new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is provided in an invalid format.", {
      'www-authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The access token is missing or invalid."',
    });
  }
}

function findRoute(pathname: string): { route: ArmRoute; params: Record<string, string> } {
  for (const route of ARM_ROUTES) {
    const params = matchArmPath(route.template, pathname);
    if (params) return { route, params };
  }
  throw new ArmError(404, 'InvalidResourceType', `The lab's ARM emulator does not serve '${pathname}': see lab/arm/README.md for what it emulates.`);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const text = (await readBody(req, BODY_LIMIT)).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ArmError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${error instanceof Error ? error.message : String(error)}'.`);
  }
}

async function answer(req: http.IncomingMessage, options: ArmRequestHandlerOptions): Promise<ArmResponse> {
  const fault = options.faults.take();
  if (fault) throw fault;
  requireBearer(req.headers.authorization);
  const url = new URL(req.url ?? '/', 'https://localhost');
  const { route, params } = findRoute(url.pathname);
  const apiVersion = checkApiVersion(route.provider, url.searchParams.get('api-version'));
  const method = (req.method ?? 'GET').toUpperCase();
  const handler = METHODS.includes(method) ? route.methods[method as ArmMethod] : undefined;
  if (!handler) {
    const allowed = Object.keys(route.methods).join(', ');
    throw new ArmError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`, { allow: allowed });
  }
  const body = await readJson(req);
  if ((method === 'PUT' || method === 'PATCH') && body === undefined) {
    throw new ArmError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized: the request body is missing.');
  }
  return handler({ method: method as ArmMethod, params, apiVersion, body, baseUrl: options.baseUrl(), store: options.store, settings: options.settings });
}

/** The emulator's HTTP entry: fault switch, bearer check, routing, api-version, then the resource handler; every answer is logged. */
export function createArmRequestHandler(options: ArmRequestHandlerOptions): RequestHandler {
  return async (req, res) => {
    let response: ArmResponse;
    try {
      response = await answer(req, options);
    } catch (error) {
      if (!(error instanceof ArmError)) console.error('ARM emulator: request failed', error);
      const armError = error instanceof ArmError ? error : new ArmError(500, 'InternalServerError', `Encountered internal server error: ${error instanceof Error ? error.message : String(error)}`);
      response = { status: armError.status, body: armError.toBody(), headers: armError.headers };
    }
    send(req, res, response);
    const url = new URL(req.url ?? '/', 'https://localhost');
    options.log?.record({ method: (req.method ?? 'GET').toUpperCase(), path: url.pathname, apiVersion: url.searchParams.get('api-version'), status: response.status, at: new Date().toISOString() });
  };
}
