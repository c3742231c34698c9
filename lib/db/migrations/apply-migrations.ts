import { ensureDatabase } from '../ensure-database';
import { withSchemaEngine } from './schema-engine-session';

/** Applies every committed migration that `url` has not seen yet (what `prisma migrate deploy` does). */
export async function applyMigrations(url: string): Promise<string[]> {
  await ensureDatabase(url);
  return withSchemaEngine(url, async ({ migrate }) => (await migrate.applyMigrations()).appliedMigrationNames);
}
