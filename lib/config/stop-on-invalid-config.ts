import { ConfigError } from './config-error';
import { getConfig } from './get-config';
import { summarizeConfig } from './summarize-config';

/**
 * Loads the configuration at server start and ends the process on a ConfigError. Next.js only
 * logs an error thrown from instrumentation's register() and keeps serving 500s, so exit here.
 */
export function stopOnInvalidConfig(): void {
  try {
    console.log(`Lifeboat configuration: ${summarizeConfig(getConfig())}`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`\n${error.message}\n\nLifeboat did not start. Fix the configuration (check it with: npm run config:check) and start again.\n`);
    process.exit(1);
  }
}
