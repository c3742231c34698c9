import { z } from 'zod';

const QdrantErrorBody = z.object({ status: z.object({ error: z.string() }) });

/**
 * Maps a Qdrant client failure to the app's answer: Qdrant's own 4xx (e.g. a missing collection)
 * passes through; no answer at all means the region's vector store is down (503).
 */
export function describeQdrantFailure(error: unknown): { status: number; error: string } {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') {
    const data = 'data' in error ? QdrantErrorBody.safeParse(error.data) : null;
    const detail = data?.success ? data.data.status.error : `HTTP ${error.status}`;
    return { status: error.status >= 400 && error.status < 500 ? error.status : 502, error: `qdrant: ${detail}` };
  }
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return { status: 503, error: `qdrant unavailable: ${error instanceof Error ? error.message : String(error)}${cause}` };
}
