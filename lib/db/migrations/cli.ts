// npm run db:migrate -- <name> | db:deploy | db:check: Prisma migrations without the native engine.
import path from 'node:path';
import { resolveDatabaseUrl, stopEmbeddedDatabase } from '../database-url';
import { ensureDatabase } from '../ensure-database';
import { applyMigrations } from './apply-migrations';
import { createMigration } from './create-migration';
import { diffMigrationsToSchema } from './diff-schema';

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  const url = await resolveDatabaseUrl();
  await ensureDatabase(url);
  if (command === 'deploy') {
    const applied = await applyMigrations(url);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    return 0;
  }
  if (command === 'create') {
    if (!name) throw new Error('usage: npm run db:migrate -- <name>');
    const dir = await createMigration(url, name);
    console.log(dir ? `created ${path.relative(process.cwd(), dir)}` : 'no schema changes');
    if (dir) console.log(`applied: ${(await applyMigrations(url)).join(', ') || 'none'}`);
    return 0;
  }
  if (command === 'check') {
    const sql = await diffMigrationsToSchema(url);
    if (!sql) console.log('migrations match prisma/schema.prisma');
    else console.error(`migrations are behind prisma/schema.prisma; run npm run db:migrate -- <name>\n${sql}`);
    return sql ? 1 : 0;
  }
  throw new Error(`unknown command "${command ?? ''}": use deploy, create <name> or check`);
}

main()
  .then(async (code) => {
    await stopEmbeddedDatabase();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await stopEmbeddedDatabase();
    process.exit(1);
  });
