import path from 'node:path';
import { loadSchemaContext } from '@prisma/internals';
import { Migrate, SchemaEngineWasm, type MigrateInstance, type WasmEngine } from '@prisma/migrate';
import { createMigrationAdapter } from './migration-adapter';

export const SCHEMA_PATH = path.resolve(process.env.LIFEBOAT_PRISMA_SCHEMA ?? 'prisma/schema.prisma');
export const MIGRATIONS_DIR = path.resolve(process.env.LIFEBOAT_MIGRATIONS_DIR ?? 'prisma/migrations');

export type SchemaEngineSession = { engine: WasmEngine; migrate: MigrateInstance; provider: string };

/** Opens Prisma's WASM schema engine on `url`, runs `work`, and always stops the engine. */
export async function withSchemaEngine<T>(url: string, work: (session: SchemaEngineSession) => Promise<T>): Promise<T> {
  const schemaContext = await loadSchemaContext({ schemaPath: { cliProvidedPath: SCHEMA_PATH }, printLoadMessage: false });
  const adapter = createMigrationAdapter(url);
  const engine = await SchemaEngineWasm.setup({ adapter: adapter.factory, schemaContext });
  // Migrate's constructor is private in its typings; setup() would pick the native engine we cannot download.
  const migrate = new Migrate({ engine, schemaContext, migrationsDirPath: MIGRATIONS_DIR });
  const provider = schemaContext.primaryDatasource?.activeProvider ?? 'postgresql';
  try {
    return await work({ engine, migrate, provider });
  } finally {
    await migrate.stop();
    await adapter.close();
  }
}
