import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';

export type LabCertificate = { certPath: string; keyPath: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const VALIDITY_DAYS = 90;

/** The names every lab server answers on: loopback by name and by IPv4/IPv6 address. */
const SUBJECT_ALT_NAMES = { dns: ['localhost'], ips: ['127.0.0.1', '::1'] } as const;

/**
 * A self-signed certificate for the lab's https servers (the local OpenID Connect provider, the ARM
 * emulator), in `dir` as cert.pem + key.pem. Reused while it stays valid for more than a day and
 * still covers the loopback names; otherwise generated anew. Trust it with NODE_EXTRA_CA_CERTS.
 */
export async function ensureLabCertificate(dir: string): Promise<LabCertificate> {
  const certPath = path.join(dir, 'cert.pem');
  const keyPath = path.join(dir, 'key.pem');
  if (await isReusable(certPath, keyPath)) return { certPath, keyPath };

  const notBeforeDate = new Date(Date.now() - 5 * 60 * 1000); // tolerate small clock skew between processes
  const notAfterDate = new Date(notBeforeDate.getTime() + VALIDITY_DAYS * DAY_MS);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }, { name: 'organizationName', value: 'Lifeboat local lab' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...SUBJECT_ALT_NAMES.dns.map((value) => ({ type: 2 as const, value })), ...SUBJECT_ALT_NAMES.ips.map((ip) => ({ type: 7 as const, ip }))],
      },
    ],
  });

  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(keyPath, pems.private, { mode: 0o600 });
  await chmod(keyPath, 0o600); // writeFile's mode only applies when it creates the file
  await writeFile(certPath, pems.cert, { mode: 0o644 });
  return { certPath, keyPath };
}

async function isReusable(certPath: string, keyPath: string): Promise<boolean> {
  try {
    const [certPem, keyPem] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    const cert = new X509Certificate(certPem);
    const validForMoreThanADay = Date.parse(cert.validTo) - Date.now() > DAY_MS;
    const coversLoopback = SUBJECT_ALT_NAMES.dns.every((name) => cert.checkHost(name) !== undefined) && SUBJECT_ALT_NAMES.ips.every((ip) => cert.checkIP(ip) !== undefined);
    return validForMoreThanADay && coversLoopback && cert.checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    return false;
  }
}
