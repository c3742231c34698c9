import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

type SqlAdapter = {
  client: { query: (sql: string) => Promise<unknown> };
  onError: (error: unknown) => never;
  performIO: (...args: unknown[]) => Promise<{ fields?: { dataTypeID: number }[] }>;
  executeScript: (sql: string) => Promise<void>;
  executeRaw: (query: { sql: string; args?: unknown[] }) => Promise<number>;
  dispose: () => Promise<void>;
};
type Factory = { connect: () => Promise<SqlAdapter>; connectToShadowDb: () => Promise<SqlAdapter> };

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** The engine's catalog queries return pg "char" columns, which adapter-pg refuses to decode: read them as text. */
function decodeCharAsText(adapter: SqlAdapter): SqlAdapter {
  const performIO = adapter.performIO.bind(adapter);
  adapter.performIO = async (...args) => {
    const result = await performIO(...args);
    for (const field of result.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  return adapter;
}

/** adapter-pg splits scripts on every ";", which breaks function bodies: send the script whole (simple query protocol). */
function runScriptWhole(adapter: SqlAdapter): SqlAdapter {
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/** Shadow database scripts hold many statements; executeRaw without parameters must run them as a script. */
function runScriptsAsScripts(adapter: SqlAdapter): SqlAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => (query.args?.length ? executeRaw(query) : adapter.executeScript(query.sql).then(() => 0));
  return adapter;
}

/**
 * A driver-adapter factory for Prisma's WASM schema engine, with the fixes it needs on PostgreSQL:
 * discrete connection fields (a connection string would override the shadow database's name) and
 * a shadow database that is closed before it is dropped.
 */
export function createMigrationAdapter(url: string) {
  const parsed = new URL(url);
  const fields = {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    // One connection: the engine's advisory lock must be released on the connection that took it.
    max: 1,
  };
  const factory = new PrismaPg(fields) as unknown as Factory;
  const connect = factory.connect.bind(factory);
  const opened: SqlAdapter[] = [];
  factory.connect = async () => {
    const adapter = runScriptWhole(decodeCharAsText(await connect()));
    opened.push(adapter);
    return adapter;
  };
  factory.connectToShadowDb = async () => {
    const name = `lifeboat_shadow_${process.pid}_${Date.now()}`;
    const admin = await connect();
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadowFactory = new PrismaPg({ ...fields, database: name }) as unknown as Factory;
    const shadow = runScriptsAsScripts(runScriptWhole(decodeCharAsText(await shadowFactory.connect())));
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  };
  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory as never),
    // The engine never closes its connections; a live one would keep holding its migration lock.
    close: async () => {
      await Promise.all(opened.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}
