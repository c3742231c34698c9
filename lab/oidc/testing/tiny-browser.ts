import { requestWithCa, type RawResponse } from './https-with-ca';

export type Page = { url: string; response: RawResponse };

/**
 * Just enough of a browser to drive a sign-in: a cookie jar per host (paths ignored) and
 * redirect following that stops at `stopAt` (the client's redirect URI) without fetching it.
 */
export class TinyBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  constructor(private readonly ca: string, private readonly stopAt: string) {}

  async get(url: string): Promise<Page> {
    return this.follow(url, await this.send(url, 'GET'));
  }

  async postForm(url: string, fields: Record<string, string>): Promise<Page> {
    const body = new URLSearchParams(fields).toString();
    return this.follow(url, await this.send(url, 'POST', body));
  }

  private async follow(url: string, first: RawResponse): Promise<Page> {
    let current = url;
    let response = first;
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.location;
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      current = new URL(location, current).href;
      if (current.startsWith(this.stopAt)) return { url: current, response };
      response = await this.send(current, 'GET');
    }
    throw new Error(`too many redirects from ${url}`);
  }

  private async send(url: string, method: 'GET' | 'POST', body?: string): Promise<RawResponse> {
    const host = new URL(url).host;
    const cookies = [...(this.jar.get(host) ?? new Map<string, string>()).entries()].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers: Record<string, string> = { accept: 'text/html' };
    if (cookies) headers.cookie = cookies;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await requestWithCa(this.ca, url, { method, headers, body });
    this.store(host, response.headers['set-cookie'] ?? []);
    return response;
  }

  private store(host: string, setCookies: string[]): void {
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute) || /^\s*max-age=0\b/i.test(attribute));
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(host, cookies);
  }
}
