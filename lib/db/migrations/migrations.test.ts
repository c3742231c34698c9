import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { diffMigrationsToSchema } from './diff-schema';
import { applyMigrations } from './apply-migrations';

describe('committed migrations', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase('lifeboat_migrations');
  });
  afterAll(async () => test?.drop());

  it('replayed on an empty database, yield exactly prisma/schema.prisma', async () => {
    expect(await diffMigrationsToSchema(test.url)).toBe('');
  });

  it('are recorded as applied, and a second deploy applies nothing', async () => {
    const client = new pg.Client({ connectionString: test.url });
    await client.connect();
    try {
      const rows = await client.query('SELECT migration_name, finished_at FROM _prisma_migrations');
      expect(rows.rowCount).toBeGreaterThan(0);
      expect(rows.rows.every((row: { finished_at: Date | null }) => row.finished_at !== null)).toBe(true);
    } finally {
      await client.end();
    }
    expect(await applyMigrations(test.url)).toEqual([]);
  });

  it('make the audit table append-only in the database itself', async () => {
    const client = new pg.Client({ connectionString: test.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO "AuditEvent" ("actorId","actorName","actorRoles","action","targetType","targetId","outcome","payload","prevHash","hash")
         VALUES ('t','t','{}','test','t','t','success','{}','0','h1')`,
      );
      await expect(client.query(`UPDATE "AuditEvent" SET "action" = 'forged'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
