// `npx tsx lab/blob/main.ts`: the lab's Azure Blob (Azurite behind its front) on its own, until Ctrl+C.
// Prints one line `READY {json}` (URLs, Azurite's pid) once it answers.
import path from 'node:path';
import { z } from 'zod';
import { startBlobService } from './start-blob-service';

const Environment = z.object({
  LIFEBOAT_LAB_STATE_DIR: z.string().min(1).default(path.join('lab', '.state')),
  LIFEBOAT_BLOB_PORT: z.coerce.number().int().min(0).max(65535).default(10000),
});

async function main(): Promise<void> {
  const env = Environment.parse(process.env);
  const blob = await startBlobService({ port: env.LIFEBOAT_BLOB_PORT, stateDir: path.join(env.LIFEBOAT_LAB_STATE_DIR, 'blob') });
  const stop = () => void blob.stop().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('disconnect', stop); // started over IPC: go when the parent goes
  console.log(`READY ${JSON.stringify({ url: blob.url, secondaryUrl: blob.secondaryUrl, accountName: blob.accountName, azurite: blob.azurite })}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
