import http from 'node:http';
import https from 'node:https';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One http(s) request that trusts `ca` (the lab certificate) without NODE_EXTRA_CA_CERTS; no redirects followed. */
export function requestWithCa(ca: string, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(target, { method: init.method ?? 'GET', headers: init.headers, ca, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

/** MSAL's network module, trusting the lab certificate: lets a test process talk to the lab provider. */
export function networkClientTrusting(ca: string): INetworkModule {
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const response = await requestWithCa(ca, url, { method, headers: options?.headers, body: options?.body });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    return { status: response.status, headers, body: JSON.parse(response.body) as T };
  };
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>('GET', url, options),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>('POST', url, options),
  };
}
