import pg from 'pg';
import { E2E_PG_PORT } from './e2e-environment';

// The browser tests' demo runs its own embedded PostgreSQL; tests read it to prove what was (not) written.
const URL = `postgresql://lifeboat:lifeboat-embedded@127.0.0.1:${E2E_PG_PORT}/lifeboat`;

export async function queryDemoDatabase<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
