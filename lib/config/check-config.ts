// `npm run config:check`: validates the configuration Lifeboat would start with, without starting it.
import { ConfigError } from './config-error';
import { getConfig } from './get-config';
import { resolveConfigSource } from './resolve-config-source';
import { summarizeConfig } from './summarize-config';

try {
  const config = getConfig();
  console.log(`configuration OK: ${resolveConfigSource().source}`);
  console.log(summarizeConfig(config));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
