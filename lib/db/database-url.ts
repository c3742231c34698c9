import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

export const DEFAULT_EMBEDDED_PORT = 54329;

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.LIFEBOAT_DATA_DIR ?? '.lifeboat');
}

let embedded: Promise<EmbeddedDatabase> | undefined;

/** DATABASE_URL when given; otherwise the embedded PostgreSQL under LIFEBOAT_DATA_DIR (started once per process). */
export async function resolveDatabaseUrl(): Promise<string> {
  const given = process.env.DATABASE_URL?.trim();
  if (given) return given;
  const port = Number(process.env.LIFEBOAT_EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  embedded ??= startEmbeddedPostgres(path.join(dataDir(), 'postgres'), port);
  const db = await embedded;
  return db.url.replace(/\/postgres$/, '/lifeboat');
}

/** Stops the embedded cluster if this process started it. */
export async function stopEmbeddedDatabase(): Promise<void> {
  if (embedded) await (await embedded).stop();
  embedded = undefined;
}
