import type { ContainerClient } from '@azure/storage-blob';
import { Redis } from 'ioredis';
import type { ProbeRegion, ProbeResult, RedisMetrics } from '@/lib/domain/probe-results';
import { newestBlobAt } from '../blob/newest-blob-at';
import type { ProbeContext } from '../probing/probe-context';
import { DEFAULT_PROBE_TIMEOUT_MS } from '../probing/probe-context';
import { runTimedProbe } from '../probing/run-timed-probe';

export type RedisProbeSettings = {
  region: ProbeRegion;
  url: string;
  password?: string;
  /** Where the backup pipeline writes this region's backups; absent: newestBackupAt is null. */
  backups?: ContainerClient;
};

/** `used_memory:<bytes>` from INFO memory. */
function usedMemory(info: string): number {
  const match = /^used_memory:(\d+)\r?$/m.exec(info);
  if (!match?.[1]) throw new Error('INFO memory has no used_memory field');
  return Number(match[1]);
}

/** PING latency, INFO memory used_memory, DBSIZE, and the newest backup blob's time. */
export function probeRedis(settings: RedisProbeSettings, context: ProbeContext = {}): Promise<ProbeResult<'redis'>> {
  return runTimedProbe({ component: 'redis', region: settings.region, target: '-' }, context, async (signal): Promise<RedisMetrics> => {
    const timeoutMs = context.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    // One attempt, no queueing, no reconnects: a probe measures, the next cycle retries.
    const redis = new Redis(settings.url, {
      password: settings.password,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: timeoutMs,
      retryStrategy: () => null,
    });
    // With no retries, connect() rejects with "Connection is closed."; the cause came as an event.
    let socketError: Error | undefined;
    redis.on('error', (error: Error) => {
      socketError = error;
    });
    const close = () => redis.disconnect();
    signal.addEventListener('abort', close, { once: true });
    try {
      const backup = settings.backups ? newestBlobAt(settings.backups, signal) : Promise.resolve(null);
      backup.catch(() => undefined);
      await redis.connect().catch((error: unknown) => {
        throw socketError ?? error;
      });
      const started = performance.now();
      await redis.ping();
      const pingMs = Math.round((performance.now() - started) * 100) / 100;
      const [info, keys] = await Promise.all([redis.info('memory'), redis.dbsize()]);
      return { pingMs, usedMemoryBytes: usedMemory(info), keys, newestBackupAt: await backup };
    } finally {
      signal.removeEventListener('abort', close);
      close();
    }
  });
}
