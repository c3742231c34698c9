import path from 'node:path';
import { startRedisNode, type RedisNode } from './start-redis-node';

export type { RedisNode } from './start-redis-node';

export type RedisPair = { primary: RedisNode; secondary: RedisNode; stop(): Promise<void> };

export type StartRedisPairOptions = { stateDir: string; primaryPort: number; secondaryPort: number };

/** The lab's two regional Redis servers: real redis-server processes, AOF on, data in <stateDir>/primary and <stateDir>/secondary. */
export async function startRedisPair(options: StartRedisPairOptions): Promise<RedisPair> {
  const started = await Promise.allSettled([
    startRedisNode({ name: 'redis-primary', port: options.primaryPort, dataDir: path.join(options.stateDir, 'primary') }),
    startRedisNode({ name: 'redis-secondary', port: options.secondaryPort, dataDir: path.join(options.stateDir, 'secondary') }),
  ]);
  const [primary, secondary] = started;
  if (primary?.status !== 'fulfilled' || secondary?.status !== 'fulfilled') {
    await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
    const reasons = started.flatMap((result) => (result.status === 'rejected' ? [result.reason instanceof Error ? result.reason.message : String(result.reason)] : []));
    throw new Error(`Redis pair did not start:\n${reasons.join('\n')}`);
  }
  return {
    primary: primary.value,
    secondary: secondary.value,
    stop: async () => {
      await Promise.all([primary.value.stop(), secondary.value.stop()]);
    },
  };
}
