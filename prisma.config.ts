import { defineConfig } from 'prisma/config';

// Only `generate` uses this file: migrations run through lib/db/migrations (offline WASM engine).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
