import { readFile } from 'node:fs/promises';
import { ArmState } from './arm-state';

/**
 * The persisted state, or null when there is none yet or it was built from another topology
 * (then the caller starts afresh). A file that is not valid state is an error, never silently lost.
 */
export async function readArmState(file: string, topology: string): Promise<ArmState | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: ArmState;
  try {
    parsed = ArmState.parse(JSON.parse(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`ARM emulator state ${file} is not valid (${reason}); delete it to start from the configured topology`);
  }
  return parsed.topology === topology ? parsed : null;
}
