import type { AppContext } from './app-context';
import { generationKey } from './cache-keys';
import { embedText } from '../shared/embed-text';
import { ensureCollection } from './ensure-collection';
import { pointIdForDocument } from './point-id-for-document';
import type { IngestRequest } from './request-schemas';

export type IngestResult = { region: string; collection: string; upserted: number; degraded?: true };

/** Embeds the documents and upserts them (waiting until applied), then invalidates cached answers. */
export async function ingestDocuments(ctx: AppContext, documents: IngestRequest['documents']): Promise<IngestResult> {
  await ensureCollection(ctx.qdrant, ctx.collection, ctx.vectorSize);
  const points = documents.map((doc) => ({ id: pointIdForDocument(doc.id), vector: embedText(doc.text, ctx.vectorSize), payload: { doc_id: doc.id, text: doc.text } }));
  await ctx.qdrant.upsert(ctx.collection, { wait: true, points });
  const result: IngestResult = { region: ctx.region, collection: ctx.collection, upserted: points.length };
  try {
    await ctx.redis.incr(generationKey(ctx.collection));
  } catch {
    result.degraded = true;
  }
  return result;
}
