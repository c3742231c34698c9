// `npx tsx lab/oidc/main.ts`: the lab's OpenID Connect provider on its own (npm run demo starts it too).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ensureLabCertificate } from '../tls/ensure-lab-certificate';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { startOidcProvider } from './start-oidc-provider';

const Environment = z.object({
  LIFEBOAT_DATA_DIR: z.string().min(1).default('.lifeboat'),
  LIFEBOAT_OIDC_PORT: z.coerce.number().int().min(1).max(65535).default(4443),
  LIFEBOAT_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  LIFEBOAT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
});

const DemoSecretsFile = z.object({ oidcClientSecret: z.string().min(1) });

/** The client secret from the environment, else the one the demo launcher keeps in the data folder. */
async function readClientSecret(dataDir: string, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'secrets.json');
  try {
    return DemoSecretsFile.parse(JSON.parse(await readFile(file, 'utf8'))).oidcClientSecret;
  } catch {
    throw new Error(`Set LIFEBOAT_OIDC_CLIENT_SECRET (or run npm run demo once, which writes ${file}).`);
  }
}

async function main(): Promise<void> {
  const env = Environment.parse(process.env);
  const dataDir = path.resolve(env.LIFEBOAT_DATA_DIR);
  const baseUrl = new URL(env.LIFEBOAT_BASE_URL).origin;
  const tls = await ensureLabCertificate(path.join(dataDir, 'lab', 'tls'));
  const issuer = `https://localhost:${env.LIFEBOAT_OIDC_PORT}`;
  const provider = await startOidcProvider({
    port: env.LIFEBOAT_OIDC_PORT,
    issuer,
    tls,
    client: {
      clientId: 'lifeboat',
      clientSecret: await readClientSecret(dataDir, env.LIFEBOAT_OIDC_CLIENT_SECRET),
      redirectUris: [`${baseUrl}/auth/callback`],
      postLogoutRedirectUris: [`${baseUrl}/auth/signed-out`],
    },
  });

  console.log(`lab OIDC provider: issuer ${provider.issuer}
  CA certificate (NODE_EXTRA_CA_CERTS): ${path.relative(process.cwd(), tls.certPath)}
  client: lifeboat, redirect ${baseUrl}/auth/callback
  demo users (password "${DEMO_PASSWORD}"):
${DEMO_USERS.map((user) => `    ${user.id.padEnd(10)} ${user.name.padEnd(15)} ${user.roles.join(', ')}`).join('\n')}`);

  const stop = () => void provider.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`lab OIDC provider: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
