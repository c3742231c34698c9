import { z } from 'zod';
import { getConfig } from '@/lib/config/get-config';
import { readSessionSecret } from './read-session-secret';

export type AuthSettings = {
  protocol: 'oidc' | 'entra';
  authority: string;
  clientId: string;
  clientSecret: string;
  knownAuthorities: string[];
  sessionHours: number;
  /** Lifeboat's own public origin, e.g. https://lifeboat.example.org; the redirect URI hangs off it. */
  baseUrl: string;
  redirectUri: string;
  sessionSecret: string;
};

const AuthEnvironment = z.object({
  LIFEBOAT_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  LIFEBOAT_OIDC_CLIENT_SECRET: z.string({ error: 'LIFEBOAT_OIDC_CLIENT_SECRET must be set (the sign-in client secret)' }).min(1, 'LIFEBOAT_OIDC_CLIENT_SECRET must not be empty'),
});

/** Sign-in settings: the identity provider from the config file, secrets and the public URL from the environment. */
export async function readAuthSettings(env: Readonly<Record<string, string | undefined>> = process.env): Promise<AuthSettings> {
  const { auth } = await getConfig();
  const parsed = AuthEnvironment.safeParse(env);
  if (!parsed.success) throw new Error(`Sign-in is misconfigured: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  const baseUrl = new URL(parsed.data.LIFEBOAT_BASE_URL).origin;
  return {
    ...auth,
    knownAuthorities: [...auth.knownAuthorities],
    clientSecret: parsed.data.LIFEBOAT_OIDC_CLIENT_SECRET,
    baseUrl,
    redirectUri: `${baseUrl}/auth/callback`,
    sessionSecret: readSessionSecret(env),
  };
}
