import { readFile } from 'node:fs/promises';

/** The last lines of a server's log file, for error messages when it fails to start; '' when unreadable. */
export async function readLogTail(file: string, lines = 15): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
