/** One thing wrong with the configuration: the dotted field path (empty for the whole file) and what is wrong. */
export type ConfigProblem = { path: string; message: string };

/**
 * Bad configuration: the message names the source, then one `path: problem` line per problem,
 * so start-up logs tell the operator exactly which field to fix.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly source: string,
    readonly problems: readonly ConfigProblem[],
    headline = `invalid Lifeboat configuration in ${source}`,
  ) {
    const count = problems.length > 1 ? ` (${problems.length} problems)` : '';
    const lines = problems.map((problem) => `  ${problem.path ? `${problem.path}: ` : ''}${problem.message}`);
    super([`${headline}${count}:`, ...lines].join('\n'));
  }
}
