import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError, type ConfigProblem } from './config-error';
import { describeIssue } from './describe-issue';
import type { Environment } from './environment';
import { listSecretReferences } from './list-secret-references';
import { LifeboatConfig } from './schema';

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text ? `${text}.${String(segment)}` : String(segment);
  }, '');
}

function schemaProblems(issues: readonly z.core.$ZodIssue[]): ConfigProblem[] {
  return issues.flatMap((issue) => {
    const path = formatPath(issue.path);
    if (issue.code !== 'unrecognized_keys') return [{ path, message: issue.message }];
    const messages = issue.message.split('\n');
    return issue.keys.map((key, index) => ({ path: formatPath([...issue.path, key]), message: messages[index] ?? 'unknown key' }));
  });
}

/** Paths of notification targets marked `optional: true`: their unset variables skip the target instead. */
function optionalTargetPaths(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || !('notifications' in data)) return [];
  const notifications: unknown = data.notifications;
  if (typeof notifications !== 'object' || notifications === null || !('targets' in notifications) || !Array.isArray(notifications.targets)) return [];
  return notifications.targets.flatMap((target: unknown, index) => (typeof target === 'object' && target !== null && 'optional' in target && target.optional === true ? [`notifications.targets[${index}].`] : []));
}

function secretProblems(data: unknown, env: Environment): ConfigProblem[] {
  const optional = optionalTargetPaths(data);
  return listSecretReferences(data).flatMap(({ path, envName }) => {
    if (optional.some((prefix) => path.startsWith(prefix))) return [];
    const value = env[envName];
    if (value === undefined) return [{ path, message: `environment variable ${envName} is not set` }];
    if (value.trim() === '') return [{ path, message: `environment variable ${envName} is empty` }];
    return [];
  });
}

/**
 * Parses and validates a configuration file's text (YAML; JSON is valid YAML). Every secret the
 * file names must be set in `env`; the values themselves stay there (see readSecret).
 * Throws ConfigError listing every problem, each with its field path.
 */
export function parseConfig(text: string, source: string, env: Environment): LifeboatConfig {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    throw new ConfigError(
      source,
      document.errors.map((error) => {
        const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        const where = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
        return { path: '', message: `YAML syntax error${where}: ${reason}` };
      }),
    );
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) throw new ConfigError(source, [{ path: '', message: 'the file is empty' }]);

  const parsed = LifeboatConfig.safeParse(data, { error: describeIssue, reportInput: true });
  const problems = [...(parsed.success ? [] : schemaProblems(parsed.error.issues)), ...secretProblems(data, env)];
  if (!parsed.success || problems.length > 0) throw new ConfigError(source, problems);
  return parsed.data;
}
