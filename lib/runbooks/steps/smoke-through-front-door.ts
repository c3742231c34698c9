import { z } from 'zod';
import { callJson, type JsonAnswer } from './call-json';

export type SmokeResult = { healthRegion: string; ingested: string; queryTopHit: string; authUser: string };

const Health = z.object({ region: z.string(), status: z.string() });
const Ingest = z.object({ region: z.string(), upserted: z.number() });
const Query = z.object({ region: z.string(), results: z.array(z.object({ id: z.union([z.string(), z.number()]) })) });
const Token = z.object({ access_token: z.string() });
const AuthCheck = z.object({ ok: z.boolean(), region: z.string() });

/** The answer's body in the expected shape, or an error naming the call and what came back. */
function expectOk<T>(what: string, answer: JsonAnswer, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(answer.body);
  if (answer.status !== 200 || !parsed.success) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
  return parsed.data;
}

function expectRegion(what: string, region: string, expected: string): void {
  if (region !== expected) throw new Error(`${what} answered from ${region}, not ${expected}`);
}

/**
 * One pass of the smoke checks through Front Door's public URL: /health from the expected region,
 * ingest a marker document, query it back as the top hit, then a token that /auth/check accepts.
 * The marker's id is fixed per run and step, so a repeat upserts the same point.
 */
export async function smokeThroughFrontDoor(base: string, expected: string, marker: string, signal: AbortSignal): Promise<SmokeResult> {
  const health = expectOk('GET /health', await callJson(`${base}/health`, signal), Health);
  expectRegion('GET /health', health.region, expected);
  const text = `lifeboat smoke check ${marker} failover validation marker`;
  const ingest = expectOk('POST /ingest', await callJson(`${base}/ingest`, signal, { method: 'POST', body: { documents: [{ id: marker, text }] } }), Ingest);
  expectRegion('POST /ingest', ingest.region, expected);
  const query = expectOk('POST /query', await callJson(`${base}/query`, signal, { method: 'POST', body: { text, limit: 3 } }), Query);
  expectRegion('POST /query', query.region, expected);
  const top = String(query.results[0]?.id ?? '(no results)');
  if (top !== marker) throw new Error(`POST /query did not find the marker ${marker} first (top hit: ${top})`);
  const token = expectOk('POST /auth/token', await callJson(`${base}/auth/token`, signal, { method: 'POST', body: { user: 'lifeboat-smoke' } }), Token);
  const auth = expectOk('GET /auth/check', await callJson(`${base}/auth/check`, signal, { token: token.access_token }), AuthCheck);
  expectRegion('GET /auth/check', auth.region, expected);
  return { healthRegion: health.region, ingested: marker, queryTopHit: top, authUser: 'lifeboat-smoke' };
}
