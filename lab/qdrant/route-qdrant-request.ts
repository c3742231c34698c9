import { checkCollectionName } from './collection-name';
import { handleCollectionExists } from './handlers/handle-collection-exists';
import { handleCountPoints } from './handlers/handle-count-points';
import { handleCreateCollection } from './handlers/handle-create-collection';
import { handleCreateSnapshot } from './handlers/handle-create-snapshot';
import { handleDeleteCollection } from './handlers/handle-delete-collection';
import { handleDeleteSnapshot } from './handlers/handle-delete-snapshot';
import { handleDownloadSnapshot } from './handlers/handle-download-snapshot';
import { handleGetCollection } from './handlers/handle-get-collection';
import { handleListCollections } from './handlers/handle-list-collections';
import { handleListSnapshots } from './handlers/handle-list-snapshots';
import { handleQueryPoints } from './handlers/handle-query-points';
import { handleRecoverSnapshot } from './handlers/handle-recover-snapshot';
import { handleHealthz, handleReadyz, handleRoot } from './handlers/handle-service';
import { handleUploadSnapshot } from './handlers/handle-upload-snapshot';
import { handleUpsertPoints } from './handlers/handle-upsert-points';
import type { RouteHandler } from './qdrant-context';
import { QdrantError } from './qdrant-error';

/** `:c` is a collection name, `:s` a snapshot name; `write` routes need a read-write key. */
type Route = { method: string; pattern: string[]; write: boolean; handler: RouteHandler };

const route = (method: string, pattern: string, handler: RouteHandler, write = method !== 'GET'): Route => ({
  method,
  pattern: pattern.split('/').filter(Boolean),
  write,
  handler,
});

const ROUTES: Route[] = [
  route('GET', '/', handleRoot),
  route('GET', '/healthz', handleHealthz),
  route('GET', '/livez', handleHealthz),
  route('GET', '/readyz', handleReadyz),
  route('GET', '/collections', handleListCollections),
  route('GET', '/collections/:c', handleGetCollection),
  route('PUT', '/collections/:c', handleCreateCollection),
  route('DELETE', '/collections/:c', handleDeleteCollection),
  route('GET', '/collections/:c/exists', handleCollectionExists),
  route('PUT', '/collections/:c/points', handleUpsertPoints),
  route('POST', '/collections/:c/points/count', handleCountPoints, false),
  route('POST', '/collections/:c/points/query', handleQueryPoints, false),
  route('GET', '/collections/:c/snapshots', handleListSnapshots),
  route('POST', '/collections/:c/snapshots', handleCreateSnapshot),
  route('PUT', '/collections/:c/snapshots/recover', handleRecoverSnapshot),
  route('POST', '/collections/:c/snapshots/upload', handleUploadSnapshot),
  route('GET', '/collections/:c/snapshots/:s', handleDownloadSnapshot),
  route('DELETE', '/collections/:c/snapshots/:s', handleDeleteSnapshot),
];

/** Paths Qdrant serves without an API key. */
export const UNAUTHENTICATED_PATHS = new Set(['/', '/healthz', '/livez', '/readyz']);

export type MatchedRoute = { handler: RouteHandler; write: boolean; collection: string; snapshot: string };

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new QdrantError(400, `Validation error in path parameters: [${segment} is not valid percent-encoding]`);
  }
}

/** The route for a method and path, or null (Qdrant answers an unknown route with an empty 404). */
export function matchRoute(method: string, pathname: string): MatchedRoute | null {
  const segments = pathname.split('/').filter(Boolean);
  for (const candidate of ROUTES) {
    if (candidate.method !== method || candidate.pattern.length !== segments.length) continue;
    const params = { collection: '', snapshot: '' };
    const fits = candidate.pattern.every((part, i) => {
      const actual = segments[i] ?? '';
      if (part === ':c') params.collection = actual;
      else if (part === ':s') params.snapshot = actual;
      else return part === actual;
      return true;
    });
    if (!fits) continue;
    return {
      handler: candidate.handler,
      write: candidate.write,
      collection: params.collection ? checkCollectionName(decode(params.collection)) : '',
      snapshot: params.snapshot ? decode(params.snapshot) : '',
    };
  }
  return null;
}
