// npm run bench:lab: how long `lab up` takes from an empty state folder (first start, with seeding),
// from a kept one (restart), and how long `lab down` takes. Writes bench/results/lab-up.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeboat-lab-bench-'));
const env = { ...process.env, LIFEBOAT_LAB_STATE_DIR: stateDir, LIFEBOAT_DATA_DIR: path.join(stateDir, 'data') };

function timed(command: string): number {
  const started = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', 'lab/cli/main.ts', command], { env, stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

try {
  const result = { at: new Date().toISOString(), coldUpSeconds: timed('up'), firstDownSeconds: timed('down'), warmUpSeconds: timed('up'), downSeconds: timed('down') };
  console.log(`lab up, empty state (incl. seeding): ${result.coldUpSeconds.toFixed(1)} s`);
  console.log(`lab up, kept state:                  ${result.warmUpSeconds.toFixed(1)} s`);
  console.log(`lab down:                            ${result.downSeconds.toFixed(1)} s`);
  fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join('bench', 'results', 'lab-up.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  fs.rmSync(stateDir, { recursive: true, force: true });
}
