import fs from 'node:fs';
import { ConfigError } from './config-error';
import { parseConfig } from './load-config';
import { CONFIG_PATH_VARIABLE, resolveConfigSource } from './resolve-config-source';
import type { LifeboatConfig } from './schema';

// On globalThis, because Next.js bundles instrumentation and routes separately: one load per process.
const LOADED = Symbol.for('lifeboat.config.loaded');
type Store = typeof globalThis & { [LOADED]?: Map<string, LifeboatConfig> };

/**
 * The configuration, loaded once per process from the file named by LIFEBOAT_CONFIG (default
 * config/lab.yaml, relative to the working directory). Throws ConfigError when it is unreadable
 * or invalid. Treat the result as read-only: it is shared.
 */
export function getConfig(): LifeboatConfig {
  const { source, file } = resolveConfigSource(process.env);
  const loaded = ((globalThis as Store)[LOADED] ??= new Map());
  const cached = loaded.get(file);
  if (cached) return cached;

  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const resolved = file === source ? '' : `resolved to ${file}; `;
    throw new ConfigError(source, [{ path: '', message: reason }], `cannot read the Lifeboat configuration ${source} (${resolved}set ${CONFIG_PATH_VARIABLE} to choose the file)`);
  }
  const config = parseConfig(text, source, process.env);
  loaded.set(file, config);
  return config;
}
