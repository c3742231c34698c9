import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { findExecutable } from './find-executable';

/**
 * Spawns a lab server that the kernel stops (SIGTERM) when this process dies, even by SIGKILL:
 * `setpriv --pdeathsig` (util-linux, always on Debian) sets it, then execs the command in place,
 * so the child's pid is the server's own. Without setpriv (not Linux) it is a plain spawn.
 */
export function spawnTiedToParent(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const setpriv = findExecutable('setpriv');
  if (!setpriv) return spawn(command, args, options);
  return spawn(setpriv, ['--pdeathsig', 'TERM', '--', command, ...args], options);
}
