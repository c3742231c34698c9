// `npx tsx lab/qdrant/main.ts --port 6333 --data lab/.state/qdrant-primary`: one lab Qdrant on its own.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startQdrantEmulator } from './start-qdrant-emulator';

const Options = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(6333),
  host: z.string().min(1).default('127.0.0.1'),
  data: z.string().min(1).default(path.join('lab', '.state', 'qdrant')),
  name: z.string().min(1).optional(),
  // Same variables as a real Qdrant container, so the lab can be configured the same way.
  apiKey: z.string().min(1).optional(),
  readOnlyApiKey: z.string().min(1).optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      name: { type: 'string' },
      'api-key': { type: 'string' },
      'read-only-api-key': { type: 'string' },
    },
  });
  const options = Options.parse({
    port: values.port,
    host: values.host,
    data: values.data,
    name: values.name,
    apiKey: values['api-key'] ?? process.env.QDRANT__SERVICE__API_KEY,
    readOnlyApiKey: values['read-only-api-key'] ?? process.env.QDRANT__SERVICE__READ_ONLY_API_KEY,
  });
  const emulator = await startQdrantEmulator({ ...options, dataDir: options.data });
  console.log(`${emulator.name}: Qdrant 1.19 REST emulator on ${emulator.url} (data ${path.resolve(options.data)}${options.apiKey ? ', api-key required' : ''})`);
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`lab qdrant: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
