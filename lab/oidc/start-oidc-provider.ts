import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import https from 'node:https';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { findDemoUser } from './demo-users';
import { handleInteraction } from './handle-interaction';
import { escapeHtml, renderLabPage } from './render-lab-page';

export type OidcClientRegistration = {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
};

export type StartOidcProviderOptions = {
  port: number;
  /** Interface to listen on; loopback unless told otherwise. */
  host?: string;
  /** e.g. https://localhost:4443 — must be https: MSAL refuses any other authority. */
  issuer: string;
  tls: { certPath: string; keyPath: string };
  client: OidcClientRegistration;
};

export type RunningOidcProvider = { issuer: string; stop(): Promise<void> };

/** Scopes the first-party client is granted without a consent screen. */
const GRANTED_SCOPE = 'openid profile email';

/**
 * Starts a real OpenID Connect provider over https for the lab: one confidential client
 * (client_secret_post, PKCE required), the demo users, Entra-style `roles` in the id token.
 * Signing and cookie keys are generated per start; sessions live in memory.
 */
export async function startOidcProvider(options: StartOidcProviderOptions): Promise<RunningOidcProvider> {
  if (new URL(options.issuer).protocol !== 'https:') throw new Error(`The lab OIDC issuer must be https (MSAL refuses others): ${options.issuer}`);
  const [cert, key] = await Promise.all([readFile(options.tls.certPath, 'utf8'), readFile(options.tls.keyPath, 'utf8')]);
  const provider = new Provider(options.issuer, await buildConfiguration(options.client));
  provider.proxy = false;
  const serveProvider = provider.callback();

  const server = https.createServer({ cert, key }, (req, res) => {
    handleInteraction(provider, req, res)
      .then((handled) => {
        if (!handled) return serveProvider(req, res);
      })
      .catch((error: unknown) => {
        console.error('lab oidc: interaction failed', error);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(renderLabPage('Error', '<h1>Sign-in failed</h1><p>The lab sign-in server hit an error. Go back to Lifeboat and try again.</p>'));
        } else {
          res.end();
        }
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    issuer: options.issuer,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function buildConfiguration(client: OidcClientRegistration): Promise<Configuration> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };

  return {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
        // auth_time in every id token, not only when max_age is sent: approvers' freshness rests on it.
        require_auth_time: true,
      },
    ],
    clientAuthMethods: ['client_secret_post'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    // Entra sends app roles whatever the scopes; putting `roles` under openid does the same here.
    claims: { openid: ['sub', 'roles'], profile: ['name'], email: ['email', 'email_verified'] },
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const user = findDemoUser(sub);
      if (!user) return undefined;
      return {
        accountId: user.id,
        claims: () => ({ sub: user.id, name: user.name, email: user.email, email_verified: true, roles: [...user.roles] }),
      };
    },
    loadExistingGrant: (ctx) => loadOrCreateGrant(ctx, client.clientId),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
    },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: {
      AccessToken: 10 * 60,
      AuthorizationCode: 60,
      IdToken: 10 * 60,
      Interaction: 10 * 60,
      Session: 12 * 60 * 60,
      Grant: 12 * 60 * 60,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      const details = Object.entries(out)
        .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd><code>${escapeHtml(String(value))}</code></dd>`)
        .join('');
      ctx.body = renderLabPage('Sign-in error', `<h1>Sign-in could not go on</h1><dl>${details}</dl><p>Go back to Lifeboat and sign in again.</p>`);
    },
  };
}

/** Skips the consent screen: the only client is Lifeboat itself, so its grant is created on the spot. */
async function loadOrCreateGrant(ctx: KoaContextWithOIDC, firstPartyClientId: string) {
  const { oidc } = ctx;
  const clientId = oidc.client?.clientId;
  const accountId = oidc.session?.accountId;
  if (!clientId || !accountId) return undefined;
  const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
  const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
  if (existing && existing.accountId === accountId) return existing;
  if (clientId !== firstPartyClientId) return undefined;
  const grant = new oidc.provider.Grant({ clientId, accountId });
  grant.addOIDCScope(GRANTED_SCOPE);
  grant.addOIDCClaims(['sub', 'name', 'email', 'email_verified', 'roles']);
  await grant.save();
  return grant;
}
