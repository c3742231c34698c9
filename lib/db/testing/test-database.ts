import { randomBytes } from 'node:crypto';
import { connectDb, type Db } from '../client';
import { dropDatabase } from '../ensure-database';
import { applyMigrations } from '../migrations/apply-migrations';

export type TestDatabase = { url: string; db: Db; drop: () => Promise<void> };

/** The server tests run against: set by test/global-setup (real PostgreSQL, or the embedded one). */
export function testServerUrl(): string {
  const url = process.env.LIFEBOAT_TEST_SERVER_URL;
  if (!url) throw new Error('LIFEBOAT_TEST_SERVER_URL is not set: run tests through `npm test`');
  return url;
}

/** A fresh database with every migration applied, private to one test file. */
export async function createTestDatabase(prefix = 'lifeboat_test'): Promise<TestDatabase> {
  const url = new URL(testServerUrl());
  url.pathname = `/${prefix}_${randomBytes(5).toString('hex')}`;
  await applyMigrations(url.toString());
  const db = connectDb(url.toString());
  return {
    url: url.toString(),
    db,
    drop: async () => {
      await db.$disconnect();
      await dropDatabase(url.toString());
    },
  };
}
