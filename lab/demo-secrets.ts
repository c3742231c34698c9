import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type DemoSecrets = { sessionSecret: string; oidcClientSecret: string };

/** Secrets the demo generates once per data folder (mode 0600), so sessions survive a restart. */
export function loadDemoSecrets(dataDir: string): DemoSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoSecrets;
  const secrets = { sessionSecret: randomBytes(32).toString('base64url'), oidcClientSecret: randomBytes(24).toString('base64url') };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
