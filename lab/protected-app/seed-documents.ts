import { z } from 'zod';
import { generateDocuments } from './generate-documents';

export type SeedResult = { documents: number; batches: number; ms: number };

const IngestAnswer = z.object({ upserted: z.number() });

/** Ingests `count` generated documents through the app's own `POST /ingest`, `batchSize` at a time. */
export async function seedDocuments(app: { url: string }, count: number, options: { batchSize?: number } = {}): Promise<SeedResult> {
  const batchSize = options.batchSize ?? 250;
  const started = performance.now();
  let documents = 0;
  let batches = 0;
  for (let first = 0; first < count; first += batchSize) {
    const batch = generateDocuments(Math.min(batchSize, count - first), first);
    const res = await fetch(`${app.url}/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documents: batch }) });
    const text = await res.text();
    if (!res.ok) throw new Error(`seed: ${app.url}/ingest answered ${res.status}: ${text.slice(0, 300)}`);
    documents += IngestAnswer.parse(JSON.parse(text)).upserted;
    batches += 1;
  }
  return { documents, batches, ms: Math.round(performance.now() - started) };
}
