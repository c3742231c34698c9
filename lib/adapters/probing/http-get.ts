import http from 'node:http';
import https from 'node:https';
import { trustedCa } from './trusted-ca';

export type HttpAnswer = { status: number; body: string };

const MAX_BODY_BYTES = 64 * 1024;

/**
 * One GET on a fresh connection (no keep-alive: a probe must see a dead server, not a pooled
 * socket), https trusting `trustedCa`. Bodies are capped: health answers are small.
 */
export function httpGet(url: string, options: { signal: AbortSignal; headers?: Record<string, string>; caPem?: string }): Promise<HttpAnswer> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const client = secure ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      { method: 'GET', agent: false, signal: options.signal, headers: { accept: 'application/json', ...options.headers }, ...(secure ? { ca: trustedCa(options.caPem) } : {}) },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY_BYTES) chunks.push(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}
