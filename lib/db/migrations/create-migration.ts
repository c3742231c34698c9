import fs from 'node:fs';
import path from 'node:path';
import { diffMigrationsToSchema } from './diff-schema';
import { MIGRATIONS_DIR } from './schema-engine-session';

/** Writes `prisma/migrations/<timestamp>_<name>/migration.sql` for what schema.prisma changed; null when nothing did. */
export async function createMigration(url: string, name: string): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`migration name "${name}" must be lower-case letters, digits and _`);
  const sql = await diffMigrationsToSchema(url);
  if (!sql.trim()) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
  const lock = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, '# Written by lib/db/migrations; keep it in git.\nprovider = "postgresql"\n');
  return dir;
}
