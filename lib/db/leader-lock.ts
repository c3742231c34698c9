import pg from 'pg';

/** The one advisory-lock key for worker leadership; advisory locks are per database, so one fleet per database. */
export const WORKER_LEADER_LOCK_KEY = 7_104_117_101_114n;

export type LeaderLockOptions = {
  /** Shown as the session's application_name, so `pg_stat_activity` tells which worker holds the lock. */
  name: string;
  /** Called once each time a held lock is lost because its connection died. */
  onLost: (cause: Error) => void;
  key?: bigint;
  /** A lock-connection query slower than this counts as a dead connection. */
  queryTimeoutMs?: number;
};

export type LeaderLock = {
  /** Takes the lock if it is free (opening the connection when needed); true while held. */
  tryAcquire(): Promise<boolean>;
  /** While held, proves the connection still answers; a failure counts as losing the lock. */
  check(): Promise<boolean>;
  isHeld(): boolean;
  /** Gives the lock up but keeps the connection for the next election. */
  release(): Promise<void>;
  close(): Promise<void>;
};

// The server drops a silent session (and so the lock) after ~idle + interval × count seconds,
// so a partitioned leader's lock frees well inside the 30 s takeover bound.
const SERVER_KEEPALIVE_SQL = 'SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3';

/**
 * Leadership as a PostgreSQL session advisory lock held on ONE dedicated connection: the lock lives
 * exactly as long as that session, so when the connection dies leadership is gone for everyone at once.
 */
export function createLeaderLock(url: string, options: LeaderLockOptions): LeaderLock {
  const key = (options.key ?? WORKER_LEADER_LOCK_KEY).toString();
  const queryTimeoutMs = options.queryTimeoutMs ?? 5_000;
  let client: pg.Client | undefined;
  let held = false;

  function drop(dead: pg.Client, cause: Error): void {
    if (dead !== client) return;
    client = undefined;
    // Not awaited: on a dead network end() could wait for TCP to give up.
    dead.end().catch(() => undefined);
    if (held) {
      held = false;
      options.onLost(cause);
    }
  }

  async function connection(): Promise<pg.Client> {
    if (client) return client;
    const fresh = new pg.Client({
      connectionString: url,
      application_name: options.name.slice(0, 63),
      keepAlive: true,
      keepAliveInitialDelayMillis: 5_000,
      connectionTimeoutMillis: queryTimeoutMs,
      query_timeout: queryTimeoutMs,
    });
    fresh.on('error', (error) => drop(fresh, error));
    fresh.on('end', () => drop(fresh, new Error('leader-lock connection closed')));
    await fresh.connect();
    try {
      await fresh.query(SERVER_KEEPALIVE_SQL);
    } catch (error) {
      await fresh.end().catch(() => undefined);
      throw error;
    }
    client = fresh;
    return fresh;
  }

  async function run<Row extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<Row[]> {
    const current = await connection();
    try {
      return (await current.query<Row>(sql, values)).rows;
    } catch (error) {
      drop(current, error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  return {
    async tryAcquire() {
      if (held) return true;
      const rows = await run<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key]);
      held = rows[0]?.locked === true;
      return held;
    },
    async check() {
      if (!held) return false;
      try {
        await run('SELECT 1', []);
      } catch {
        return false;
      }
      return held;
    },
    isHeld: () => held,
    async release() {
      if (!held) return;
      held = false;
      // If the unlock fails the connection is dropped, and closing the session frees the lock anyway.
      await run('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => undefined);
    },
    async close() {
      held = false;
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
