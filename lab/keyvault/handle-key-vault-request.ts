import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { z } from 'zod';
import { readBody, sendJson } from '../shared/lab-http-server';
import type { SecretVersion } from './seed-vault';
import type { SecretStore } from './secret-store';

export type KeyVaultRequestContext = { vaultUrl: string; tenantId: string; store: SecretStore };

/** Key Vault serves at most 25 items per page (the `maxresults` ceiling). */
const MAX_PAGE = 25;
const SECRET_NAME = /^[0-9a-zA-Z-]{1,127}$/;
const VERSION_ID = /^[0-9a-f]{32}$/;

const SetSecretBody = z.object({
  value: z.string().max(25 * 1024),
  contentType: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  attributes: z.object({ enabled: z.boolean().optional(), nbf: z.number().int().optional(), exp: z.number().int().optional() }).optional(),
});

class KeyVaultError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const notFound = (what: string) =>
  new KeyVaultError(404, 'SecretNotFound', `A secret with (name/id) ${what} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`);

function attributesOf(version: SecretVersion) {
  return { enabled: version.enabled, nbf: version.nbf, exp: version.exp, created: version.created, updated: version.updated, recoveryLevel: 'Recoverable+Purgeable', recoverableDays: 90 };
}

function bundleOf(vaultUrl: string, name: string, version: SecretVersion) {
  return { value: version.value, id: `${vaultUrl}/secrets/${name}/${version.version}`, attributes: attributesOf(version), contentType: version.contentType, tags: version.tags };
}

function itemOf(id: string, version: SecretVersion) {
  return { id, attributes: attributesOf(version), contentType: version.contentType, tags: version.tags };
}

/** One page of `items`; the next page's link carries an opaque offset token, as Key Vault's `$skiptoken`. */
function page<T>(items: T[], url: URL, vaultUrl: string, apiVersion: string): { value: T[]; nextLink: string | null } {
  const size = Number(url.searchParams.get('maxresults') ?? MAX_PAGE);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw new KeyVaultError(400, 'BadParameter', `Invalid value for maxresults: it must be between 1 and ${MAX_PAGE}.`);
  const token = url.searchParams.get('$skiptoken');
  const offset = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new KeyVaultError(400, 'BadParameter', 'Invalid $skiptoken.');
  const next = offset + size;
  const nextLink = next < items.length ? `${vaultUrl}${url.pathname}?api-version=${apiVersion}&$skiptoken=${Buffer.from(String(next)).toString('base64url')}&maxresults=${size}` : null;
  return { value: items.slice(offset, next), nextLink };
}

function newestOf(store: SecretStore, name: string): SecretVersion {
  const newest = store.versions(name)?.at(-1);
  if (!newest) throw notFound(name);
  return newest;
}

async function route(req: http.IncomingMessage, url: URL, context: KeyVaultRequestContext): Promise<{ status: number; body: unknown }> {
  const apiVersion = url.searchParams.get('api-version');
  if (!apiVersion) throw new KeyVaultError(400, 'BadParameter', 'The api-version query parameter is required.');
  const { store, vaultUrl } = context;
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] !== 'secrets' || segments.length > 3) throw new KeyVaultError(404, 'NotFound', `No route for ${req.method} ${url.pathname}.`);
  const [, name, third] = segments;

  if (!name) {
    if (req.method !== 'GET') throw new KeyVaultError(405, 'MethodNotAllowed', `${req.method} is not allowed on /secrets.`);
    const items = store.names().map((secret) => itemOf(`${vaultUrl}/secrets/${secret}`, newestOf(store, secret)));
    return { status: 200, body: page(items, url, vaultUrl, apiVersion) };
  }
  if (!SECRET_NAME.test(name)) throw new KeyVaultError(400, 'BadParameter', `The secret name '${name}' is invalid: use 1-127 letters, digits and dashes.`);

  if (third === 'versions') {
    if (req.method !== 'GET') throw new KeyVaultError(405, 'MethodNotAllowed', `${req.method} is not allowed on versions.`);
    const versions = store.versions(name);
    if (!versions) throw notFound(name);
    return { status: 200, body: page(versions.map((version) => itemOf(`${vaultUrl}/secrets/${name}/${version.version}`, version)), url, vaultUrl, apiVersion) };
  }

  if (req.method === 'PUT' && third === undefined) {
    const parsed = SetSecretBody.safeParse(await readBody(req, 1024 * 1024).then((body) => JSON.parse(body.toString('utf8')) as unknown, () => undefined));
    if (!parsed.success) throw new KeyVaultError(400, 'BadParameter', 'The request body must be JSON with a string `value` (at most 25 KiB).');
    const { value, contentType, tags, attributes } = parsed.data;
    return { status: 200, body: bundleOf(vaultUrl, name, await store.set(name, { value, contentType, tags, ...attributes })) };
  }
  if (req.method !== 'GET') throw new KeyVaultError(405, 'MethodNotAllowed', `${req.method} is not allowed on a secret.`);
  if (third && !VERSION_ID.test(third)) throw notFound(`${name}/${third}`);
  const version = third ? store.versions(name)?.find((candidate) => candidate.version === third) : newestOf(store, name);
  if (!version) throw notFound(`${name}/${third ?? ''}`);
  if (!version.enabled) throw new KeyVaultError(403, 'Forbidden', 'Operation get is not allowed on a disabled secret.');
  return { status: 200, body: bundleOf(vaultUrl, name, version) };
}

/**
 * Key Vault's secrets data plane. Authentication is Key Vault's challenge: a request without a
 * bearer token gets 401 and `WWW-Authenticate` naming the authority and resource; any bearer
 * token is then accepted (the lab checks that one is sent, not who signed it).
 */
export async function handleKeyVaultRequest(req: http.IncomingMessage, res: http.ServerResponse, context: KeyVaultRequestContext): Promise<void> {
  const headers = { 'x-ms-request-id': randomUUID(), 'x-ms-keyvault-service-version': '1.9.0.0', 'cache-control': 'no-cache' };
  const authorization = req.headers.authorization ?? '';
  if (!/^Bearer \S+/.test(authorization)) {
    req.resume();
    const challenge = `Bearer authorization="https://login.microsoftonline.com/${context.tenantId}", resource="https://vault.azure.net"`;
    sendJson(res, 401, { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } }, { ...headers, 'www-authenticate': challenge });
    return;
  }
  try {
    const { status, body } = await route(req, new URL(req.url ?? '/', context.vaultUrl), context);
    sendJson(res, status, body, headers);
  } catch (error) {
    if (!(error instanceof KeyVaultError)) throw error;
    sendJson(res, error.status, { error: { code: error.code, message: error.message } }, headers);
  }
}
