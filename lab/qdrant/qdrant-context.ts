import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CollectionStore } from './collection-store';
import { QdrantError } from './qdrant-error';
import type { SnapshotShelf } from './snapshot-shelf';

/** What every handler can reach: the collections, the snapshot files, scratch space and background work. */
export type QdrantContext = {
  store: CollectionStore;
  shelf: SnapshotShelf;
  tmpDir: string;
  /** Work answered with 202 (`wait=false`) keeps running; stop() waits for it. */
  runInBackground(label: string, work: () => Promise<unknown>): void;
};

export type RouteContext = {
  req: IncomingMessage;
  res: ServerResponse;
  startedAt: bigint;
  /** Decoded path parameters. */
  collection: string;
  snapshot: string;
  query: URLSearchParams;
  qdrant: QdrantContext;
};

export type RouteHandler = (ctx: RouteContext) => Promise<void>;

/** A boolean query flag as Qdrant's query parser reads it (`true`/`false` only). */
export function readFlag(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name);
  if (value === null) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new QdrantError(400, `Query deserialize error: ${name}: provided string was not \`true\` or \`false\``);
}
