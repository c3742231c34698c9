import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArmState } from './arm-state';

/** Writes the state atomically (temporary file, then rename), so a crash never leaves half a file. */
export async function writeArmState(file: string, state: ArmState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temporary, file);
}
