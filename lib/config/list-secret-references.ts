export type SecretReference = { path: string; envName: string };

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every environment variable the configuration names for a secret: each field whose key ends in
 * `Env` (and each entry of a `…Env` mapping). Works on raw input too, so secret problems are
 * reported alongside schema problems.
 */
export function listSecretReferences(config: unknown, path: string[] = []): SecretReference[] {
  const found: SecretReference[] = [];
  const visit = (value: unknown, at: string[]) => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...at.slice(0, -1), `${at.at(-1) ?? ''}[${index}]`]));
    else if (isRecord(value)) for (const [key, child] of Object.entries(value)) visitEntry(key, child, at);
  };
  const visitEntry = (key: string, value: unknown, at: string[]) => {
    const here = [...at, key];
    if (key.endsWith('Env') && typeof value === 'string' && ENV_NAME.test(value)) found.push({ path: here.join('.'), envName: value });
    else if (key.endsWith('Env') && isRecord(value)) {
      for (const [name, envName] of Object.entries(value)) {
        if (typeof envName === 'string' && ENV_NAME.test(envName)) found.push({ path: [...here, name].join('.'), envName });
      }
    } else visit(value, here);
  };
  visit(config, path);
  return found;
}
