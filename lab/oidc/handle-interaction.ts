import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { z } from 'zod';
import { DEMO_PASSWORD, findDemoUser } from './demo-users';
import { renderLabPage } from './render-lab-page';
import { renderLoginPage } from './render-login-page';

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|abort))?$/;
const MAX_FORM_BYTES = 8 * 1024;

const LoginForm = z.object({
  login: z.string().trim().min(1, 'Choose a demo user.').max(64).optional(),
  password: z.string().max(256).default(''),
});

const InteractionParams = z.object({ login_hint: z.string().max(64).optional() });

/**
 * Serves the provider's interaction routes with Lifeboat's own login page. Returns false for any
 * other path, so the caller hands the request to oidc-provider. Consent is granted automatically
 * (the single client is first-party); see loadExistingGrant in the provider's configuration.
 */
export async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const match = INTERACTION_PATH.exec(new URL(req.url ?? '/', 'https://lab.invalid').pathname);
  if (!match) return false;
  const [, uid, action] = match;
  res.setHeader('Cache-Control', 'no-store');

  let details: Awaited<ReturnType<Provider['interactionDetails']>>;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    sendHtml(res, 400, renderExpiredPage());
    return true;
  }
  if (details.uid !== uid) {
    sendHtml(res, 400, renderExpiredPage());
    return true;
  }

  const reauthentication = details.prompt.reasons.includes('login_prompt') || details.prompt.reasons.includes('max_age');
  const hint = InteractionParams.safeParse(details.params).data?.login_hint;

  if (req.method === 'GET' && action === undefined) {
    if (details.prompt.name !== 'login') {
      // Consent is never asked of the first-party client: grant what is missing and carry on.
      await provider.interactionFinished(req, res, { consent: { grantId: await grantMissing(provider, details) } }, { mergeWithLastSubmission: true });
      return true;
    }
    sendHtml(res, 200, renderLoginPage({ uid: details.uid, selectedUserId: hint && findDemoUser(hint) ? hint : undefined, reauthentication }));
    return true;
  }

  if (req.method === 'POST' && action === 'abort') {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled sign-in.' }, { mergeWithLastSubmission: false });
    return true;
  }

  if (req.method === 'POST' && action === 'login' && details.prompt.name === 'login') {
    const form = LoginForm.safeParse(Object.fromEntries(new URLSearchParams(await readBody(req))));
    const chosen = form.success && form.data.login ? findDemoUser(form.data.login) : undefined;
    if (!form.success || !chosen) {
      sendHtml(res, 200, renderLoginPage({ uid: details.uid, reauthentication, error: 'Choose one of the demo users, then type the password.' }));
      return true;
    }
    if (!isDemoPassword(form.data.password)) {
      sendHtml(res, 200, renderLoginPage({ uid: details.uid, selectedUserId: chosen.id, reauthentication, error: `Wrong password for ${chosen.name}. Try again.` }));
      return true;
    }
    await provider.interactionFinished(req, res, { login: { accountId: chosen.id, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
    return true;
  }

  res.setHeader('Allow', action === undefined ? 'GET' : 'POST');
  sendHtml(res, 405, renderLabPage('Not allowed', '<h1>That is not how this page works</h1><p>Go back to Lifeboat and start signing in again.</p>'));
  return true;
}

async function grantMissing(provider: Provider, details: Awaited<ReturnType<Provider['interactionDetails']>>): Promise<string> {
  const accountId = details.session?.accountId;
  const clientId = z.string().parse(details.params.client_id);
  const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId, clientId });
  const missing = z
    .object({ missingOIDCScope: z.array(z.string()).optional(), missingOIDCClaims: z.array(z.string()).optional() })
    .parse(details.prompt.details);
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  return grant.save();
}

/** Constant-time comparison, so response time says nothing about how much of the password matched. */
function isDemoPassword(candidate: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(candidate), digest(DEMO_PASSWORD));
}

function renderExpiredPage(): string {
  return renderLabPage(
    'Sign-in expired',
    `<h1>This sign-in attempt has expired</h1>
<p>Sign-in attempts are valid for ten minutes and work in the browser that started them.</p>
<p>Go back to Lifeboat and sign in again.</p>`,
  );
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  // No form-action: browsers apply it to the redirects after a submit, which end at the client.
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'");
  res.end(html);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_FORM_BYTES) throw new Error('login form too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
