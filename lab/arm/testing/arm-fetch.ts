import https from 'node:https';

export type ArmReply = { status: number; headers: Record<string, string>; body: unknown };

/** One raw https request to the emulator, trusting the lab certificate; bearer token unless `token: null`. */
export function armFetch(url: string, ca: string, options: { method?: string; body?: unknown; token?: string | null } = {}): Promise<ArmReply> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const token = options.token === undefined ? 'lab-token' : options.token;
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      {
        method: options.method ?? 'GET',
        ca,
        headers: {
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') headers[name] = value;
          resolve({ status: response.statusCode ?? 0, headers, body: text ? (JSON.parse(text) as unknown) : undefined });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
