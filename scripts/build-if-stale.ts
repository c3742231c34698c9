import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'lib', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'package.json', 'prisma/schema.prisma'];

function newestChange(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) if (child !== 'generated') newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

/** Runs `next build` when there is no build yet or a source changed after it. */
export function buildIfStale(log: (line: string) => void): void {
  const buildId = path.join('.next', 'BUILD_ID');
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (builtAt > Math.max(...SOURCES.map(newestChange))) return;
  log('building the web app (next build), once per source change…');
  const startedAt = new Date();
  execFileSync(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  // The build reflects the sources as they were when it started: an edit made meanwhile must rebuild next time.
  fs.utimesSync(buildId, startedAt, startedAt);
}
