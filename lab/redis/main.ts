// `npx tsx lab/redis/main.ts`: the lab's two Redis servers on their own, until Ctrl+C.
// Prints one line `READY {json}` (urls, pids) once both answer PING.
import path from 'node:path';
import { z } from 'zod';
import { startRedisPair } from './start-redis-pair';

const Environment = z.object({
  LIFEBOAT_LAB_STATE_DIR: z.string().min(1).default(path.join('lab', '.state')),
  LIFEBOAT_REDIS_PRIMARY_PORT: z.coerce.number().int().min(1).max(65535).default(6380),
  LIFEBOAT_REDIS_SECONDARY_PORT: z.coerce.number().int().min(1).max(65535).default(6381),
});

async function main(): Promise<void> {
  const env = Environment.parse(process.env);
  const pair = await startRedisPair({ stateDir: path.join(env.LIFEBOAT_LAB_STATE_DIR, 'redis'), primaryPort: env.LIFEBOAT_REDIS_PRIMARY_PORT, secondaryPort: env.LIFEBOAT_REDIS_SECONDARY_PORT });
  const stop = () => void pair.stop().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('disconnect', stop); // started over IPC: go when the parent goes
  const describe = (node: typeof pair.primary) => ({ url: node.url, dataDir: node.dataDir, pid: node.pid() });
  console.log(`READY ${JSON.stringify({ primary: describe(pair.primary), secondary: describe(pair.secondary) })}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
