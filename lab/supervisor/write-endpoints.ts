import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from '../oidc/demo-users';
import type { Lab } from './start-lab';

/** lab/.state/endpoints.json: every URL, port and credential a client of the lab needs. */
export function writeEndpoints(stateDir: string, lab: Lab, controlUrl: string): string {
  const file = path.join(stateDir, 'endpoints.json');
  const endpoints = {
    writtenAt: new Date().toISOString(),
    supervisorPid: process.pid,
    control: controlUrl,
    regions: lab.regions,
    services: Object.fromEntries(lab.entries.map((e) => [e.name, { component: e.component, region: e.region ? lab.regions[e.region] : null, url: e.url }])),
    credentials: {
      // Azurite's published development account: public, documented, loopback only.
      blob: { accountName: lab.blob.accountName, accountKey: lab.blob.accountKey, url: lab.blob.url, secondaryUrl: lab.blob.secondaryUrl },
      arm: { url: lab.arm.url, token: 'any bearer token is accepted in the lab' },
      oidc: { clientId: 'lifeboat', demoPassword: DEMO_PASSWORD, demoUsers: DEMO_USERS.map((u) => ({ id: u.id, name: u.name, roles: u.roles })) },
    },
    tls: { caCertificate: lab.tls.certPath, note: 'set NODE_EXTRA_CA_CERTS to this file so Node trusts the lab https services' },
  };
  fs.mkdirSync(stateDir, { recursive: true });
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(endpoints, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
  return file;
}
