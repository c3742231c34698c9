// After npm install: put the WASM schema engine where @prisma/internals looks for it, then generate the client.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const wasm = path.join('node_modules', '@prisma', 'schema-engine-wasm', 'schema_engine_bg.wasm');
const target = path.join('node_modules', '@prisma', 'internals', 'build');
if (fs.existsSync(wasm)) {
  fs.mkdirSync(target, { recursive: true });
  fs.copyFileSync(wasm, path.join(target, 'schema_engine_bg.wasm'));
}
// `prisma generate` never runs the schema engine, but the CLI insists on finding one before it starts.
execFileSync(process.execPath, [path.join('node_modules', 'prisma', 'build', 'index.js'), 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: path.resolve('prisma', 'no-native-schema-engine.sh'), PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
