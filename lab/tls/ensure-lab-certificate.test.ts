import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'selfsigned';
import { ensureLabCertificate } from './ensure-lab-certificate';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-tls-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ensureLabCertificate', () => {
  it('writes a certificate for localhost and 127.0.0.1, with a private key only its owner can read', async () => {
    const { certPath, keyPath } = await ensureLabCertificate(path.join(dir, 'fresh'));
    const cert = new X509Certificate(await readFile(certPath, 'utf8'));
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkHost('example.com')).toBeUndefined();
    expect(Date.parse(cert.validTo) - Date.now()).toBeGreaterThan(30 * 24 * 3600 * 1000);
    expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
  });

  it('serves https that a client trusting only this certificate accepts', async () => {
    const { certPath, keyPath } = await ensureLabCertificate(path.join(dir, 'serve'));
    const [cert, key] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    const server = https.createServer({ cert, key }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      // Identity is checked against the SNI name when one is sent, else against the IP connected to.
      for (const servername of ['localhost', undefined]) {
        const body = await new Promise<string>((resolve, reject) => {
          https
            .get({ host: '127.0.0.1', port, path: '/', servername, ca: cert, agent: false }, (res) => {
              let text = '';
              res.on('data', (chunk: Buffer) => (text += chunk.toString()));
              res.on('end', () => resolve(text));
            })
            .on('error', reject);
        });
        expect(body).toBe('ok');
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reuses a certificate that is still valid', async () => {
    const target = path.join(dir, 'reuse');
    const first = await ensureLabCertificate(target);
    const before = await readFile(first.certPath, 'utf8');
    await ensureLabCertificate(target);
    expect(await readFile(first.certPath, 'utf8')).toBe(before);
  });

  it('replaces a certificate that expires within a day', async () => {
    const target = path.join(dir, 'expiring');
    const { certPath, keyPath } = await ensureLabCertificate(target);
    const soon = await generate([{ name: 'commonName', value: 'localhost' }], {
      algorithm: 'sha256',
      notAfterDate: new Date(Date.now() + 3600 * 1000),
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] }],
    });
    await writeFile(certPath, soon.cert);
    await writeFile(keyPath, soon.private);
    await ensureLabCertificate(target);
    const renewed = new X509Certificate(await readFile(certPath, 'utf8'));
    expect(Date.parse(renewed.validTo) - Date.now()).toBeGreaterThan(24 * 3600 * 1000);
    expect(renewed.checkPrivateKey(createPrivateKey(await readFile(keyPath, 'utf8')))).toBe(true);
  });
});
