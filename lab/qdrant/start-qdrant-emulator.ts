import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startLabHttpServer } from '../shared/lab-http-server';
import { checkApiKey, type ApiKeys } from './check-api-key';
import { CollectionStore } from './collection-store';
import { corruptNewestSnapshot } from './corrupt-newest-snapshot';
import type { QdrantContext } from './qdrant-context';
import { describeFailure, forbidden, QdrantError, serviceError } from './qdrant-error';
import { matchRoute, UNAUTHENTICATED_PATHS } from './route-qdrant-request';
import { sendError, sendText } from './send-qdrant-response';
import { SnapshotShelf } from './snapshot-shelf';

export type QdrantEmulatorOptions = {
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Collections, their logs and snapshot files live here; a restart on the same folder finds them again. */
  dataDir: string;
  /** Required on every request except `/`, `/healthz`, `/livez`, `/readyz` when set (Qdrant's `service.api_key`). */
  apiKey?: string;
  /** A key that may only read (Qdrant's `service.read_only_api_key`): writes get 403. */
  readOnlyApiKey?: string;
  name?: string;
};

export type QdrantEmulator = {
  name: string;
  url: string;
  stop(): Promise<void>;
  /** Down = connections refused; up again on the same port with the same data. */
  setDown(down: boolean): Promise<void>;
  setLatency(ms: number): void;
  /** Damages the newest snapshot file in place (its .checksum keeps the old hash); returns its path. */
  corruptNewestSnapshot(collection?: string): Promise<string | null>;
};

/** Qdrant names snapshots after its peer id: a random number kept with the data. */
async function readPeerId(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'peer-id');
  const existing = await readFile(file, 'utf8').then((text) => text.trim(), () => '');
  if (/^\d+$/.test(existing)) return existing;
  const peerId = String(randomInt(1, 2 ** 47));
  await writeFile(file, peerId);
  return peerId;
}

/** A Qdrant-REST-compatible server for the lab (see lab/qdrant/README.md for what it does and does not emulate). */
export async function startQdrantEmulator(options: QdrantEmulatorOptions): Promise<QdrantEmulator> {
  const dataDir = path.resolve(options.dataDir);
  const tmpDir = path.join(dataDir, 'tmp');
  await mkdir(dataDir, { recursive: true });
  await rm(tmpDir, { recursive: true, force: true });
  await mkdir(tmpDir, { recursive: true });
  const store = await CollectionStore.open(dataDir);
  const shelf = new SnapshotShelf(path.join(dataDir, 'snapshots'), await readPeerId(dataDir));
  await shelf.sweep();
  const keys: ApiKeys = { readWrite: options.apiKey, readOnly: options.readOnlyApiKey };
  const name = options.name ?? 'qdrant';
  const background = new Set<Promise<unknown>>();

  const qdrant: QdrantContext = {
    store,
    shelf,
    tmpDir,
    runInBackground: (label, work) => {
      const running = work()
        .catch((error: unknown) => console.error(`${name}: background ${label} failed: ${describeFailure(error)}`))
        .finally(() => background.delete(running));
      background.add(running);
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const startedAt = process.hrtime.bigint();
    try {
      const url = new URL(req.url ?? '/', 'http://qdrant.lab');
      const method = req.method ?? 'GET';
      let access: 'read-write' | 'read-only' = 'read-write';
      if (!UNAUTHENTICATED_PATHS.has(url.pathname)) {
        const auth = checkApiKey(req.headers, keys);
        if ('denied' in auth) {
          sendText(res, 401, auth.denied);
          return;
        }
        access = auth.access;
      }
      const matched = matchRoute(method, url.pathname);
      if (!matched) {
        res.writeHead(404, { 'content-length': 0 });
        res.end();
        return;
      }
      if (matched.write && access === 'read-only') throw forbidden('Write access is required (this is the read-only API key)');
      await matched.handler({ req, res, startedAt, query: url.searchParams, qdrant, collection: matched.collection, snapshot: matched.snapshot });
    } catch (error) {
      sendError(res, startedAt, error instanceof QdrantError ? error : serviceError(describeFailure(error)));
    }
  };

  let server;
  try {
    server = await startLabHttpServer({ host: options.host, port: options.port, handler: handle });
  } catch (error) {
    await store.close();
    throw error;
  }
  let stopped = false;
  return {
    name,
    url: server.url,
    setDown: (down) => server.setDown(down),
    setLatency: (ms) => server.setLatency(ms),
    corruptNewestSnapshot: (collection) => corruptNewestSnapshot(shelf, collection),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      while (background.size > 0) await Promise.allSettled([...background]);
      await store.close();
    },
  };
}
