import path from 'node:path';
import type { Environment } from './environment';

export const CONFIG_PATH_VARIABLE = 'LIFEBOAT_CONFIG';
export const DEFAULT_CONFIG_PATH = 'config/lab.yaml';

/** Where the configuration file is: `source` as the operator wrote it (for messages), `file` resolved against the working directory. */
export function resolveConfigSource(env: Environment = process.env): { source: string; file: string } {
  const source = env[CONFIG_PATH_VARIABLE]?.trim() || DEFAULT_CONFIG_PATH;
  return { source, file: path.resolve(/* turbopackIgnore: true */ source) };
}
