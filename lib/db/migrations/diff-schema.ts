import { readMigrations } from './read-migrations';
import { MIGRATIONS_DIR, withSchemaEngine } from './schema-engine-session';

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * SQL that would take the committed migrations (replayed on a shadow database) to `schema.prisma`;
 * an empty string means they agree.
 */
export async function diffMigrationsToSchema(url: string): Promise<string> {
  return withSchemaEngine(url, async ({ engine, migrate }) => {
    const list = readMigrations(MIGRATIONS_DIR);
    const from = list.migrationDirectories.length ? { tag: 'migrations', ...list } : { tag: 'empty' };
    const result = await engine.engine.diff({
      from,
      to: { tag: 'schemaDatamodel', ...migrate.getPrismaSchema() },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return result.exitCode === 2 ? result.stdout : '';
  });
}
