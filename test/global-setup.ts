import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/db/embedded-postgres';

let embedded: EmbeddedDatabase | undefined;

/**
 * Tests use DATABASE_URL's server when one is given (CI: the machine's PostgreSQL), otherwise an
 * embedded PostgreSQL of their own; each test file then makes a private database on it.
 */
export async function setup(): Promise<void> {
  const given = process.env.LIFEBOAT_TEST_SERVER_URL ?? process.env.DATABASE_URL;
  if (given) {
    process.env.LIFEBOAT_TEST_SERVER_URL = given;
    return;
  }
  const port = Number(process.env.LIFEBOAT_TEST_PG_PORT ?? 54339);
  embedded = await startEmbeddedPostgres(path.resolve('.lifeboat', 'test-postgres'), port);
  process.env.LIFEBOAT_TEST_SERVER_URL = embedded.url;
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}
