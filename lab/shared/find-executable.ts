import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The absolute path of `name` on PATH, or undefined when no executable of that name is there. */
export function findExecutable(name: string, searchPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here: keep looking
    }
  }
  return undefined;
}
