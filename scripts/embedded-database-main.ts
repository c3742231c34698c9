// Runs the embedded PostgreSQL in its own process group, so Ctrl+C on the demo does not stop the
// database before the workers and the web app have finished with it. Prints "READY <url>".
import path from 'node:path';
import { DEFAULT_EMBEDDED_PORT, dataDir } from '@/lib/db/database-url';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';

async function main(): Promise<void> {
  const port = Number(process.env.LIFEBOAT_EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  const database = await startEmbeddedPostgres(path.join(dataDir(), 'postgres'), port);
  const stop = () => void database.stop().finally(() => process.exit(0));
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, stop);
  }
  // Started by the demo over an IPC channel: if the demo dies, even by SIGKILL, stop with it.
  process.on('disconnect', stop);
  console.log(`READY ${database.url.replace(/\/postgres$/, '/lifeboat')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
