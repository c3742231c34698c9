import { PrismaPg } from '@prisma/adapter-pg';
import { resolveDatabaseUrl } from './database-url';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;
export type { Prisma } from './generated/prisma/client';

/** The client handed to work that must commit together (an interactive transaction). */
export type DbTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** A Prisma client on `url` through the pg driver adapter (no native engine). */
export function connectDb(url: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

const holder = globalThis as unknown as { lifeboatDb?: Promise<Db> };

/** The process-wide client: DATABASE_URL, or the embedded PostgreSQL when none is given. */
export function getDb(): Promise<Db> {
  holder.lifeboatDb ??= resolveDatabaseUrl().then(connectDb);
  return holder.lifeboatDb;
}
