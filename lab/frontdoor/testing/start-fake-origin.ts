import { createHash } from 'node:crypto';
import { readBody, sendJson, startLabHttpServer, type LabHttpServer } from '../../shared/lab-http-server';

export type FakeOrigin = LabHttpServer & { name: string; probes(): number };

/**
 * A tiny origin: `/health` answers 200, `/echo` returns the body's length and sha256 with the
 * forwarded headers, anything else says who answered.
 */
export async function startFakeOrigin(name: string): Promise<FakeOrigin> {
  let probes = 0;
  const server = await startLabHttpServer({
    port: 0,
    handler: async (req, res) => {
      if (req.url === '/health') {
        probes += 1;
        return sendJson(res, 200, { status: 'ok', name });
      }
      if (req.url === '/echo') {
        const body = await readBody(req);
        return sendJson(res, 200, { name, length: body.length, sha256: createHash('sha256').update(body).digest('hex'), headers: req.headers }, { 'x-origin-header': 'kept' });
      }
      sendJson(res, 200, { name, path: req.url });
    },
  });
  return { ...server, name, probes: () => probes };
}
