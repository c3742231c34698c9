// @prisma/migrate ships no usable type entry point; these are the few members Lifeboat drives.
declare module '@prisma/migrate' {
  export const SchemaEngineWasm: { setup(input: { adapter: unknown; schemaContext: unknown }): Promise<WasmEngine> };
  export type WasmEngine = { engine: { diff(input: unknown): Promise<{ exitCode: number; stdout: string }> } };
  export type MigrateInstance = {
    applyMigrations(): Promise<{ appliedMigrationNames: string[] }>;
    getPrismaSchema(): { files: unknown[] };
    stop(): Promise<void>;
  };
  export const Migrate: new (input: { engine: WasmEngine; schemaContext: unknown; migrationsDirPath: string }) => MigrateInstance;
}
