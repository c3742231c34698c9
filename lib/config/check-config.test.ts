import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Outcome = { code: number; stdout: string; stderr: string };

/** Runs a command the way an operator would, from the repository root. */
function run(args: string[], env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile('npx', args, { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('configuration at process level', () => {
  let dir: string;
  let badFile: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeboat-check-'));
    badFile = path.join(dir, 'bad.yaml');
    const lab = fs.readFileSync(path.resolve('config/lab.yaml'), 'utf8');
    fs.writeFileSync(badFile, lab.replace('url: http://127.0.0.1:6343', 'url: htp:/x'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('config:check exits 1 and names the field when the file is bad', async () => {
    const outcome = await run(['tsx', 'lib/config/check-config.ts'], { LIFEBOAT_CONFIG: badFile });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`invalid Lifeboat configuration in ${badFile}:`);
    expect(outcome.stderr).toContain('components.qdrant.secondary.url: not a valid URL (got "htp:/x")');
    expect(outcome.stdout).not.toContain('configuration OK');
  });

  it('config:check prints OK and a summary for the lab file', async () => {
    const outcome = await run(['tsx', 'lib/config/check-config.ts'], { LIFEBOAT_CONFIG: 'config/lab.yaml' });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('configuration OK: config/lab.yaml');
    expect(outcome.stdout).toContain('warm standby, canadacentral → canadaeast');
  });

  it("instrumentation's register() ends the Node.js server process on bad configuration", async () => {
    const script = "require('./instrumentation.ts').register().then(() => console.log('register returned'))";
    const outcome = await run(['tsx', '--eval', script], { LIFEBOAT_CONFIG: badFile, NEXT_RUNTIME: 'nodejs' });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('components.qdrant.secondary.url: not a valid URL');
    expect(outcome.stderr).toContain('Lifeboat did not start');
    expect(outcome.stdout).not.toContain('register returned');
  });

  it("instrumentation's register() leaves the edge runtime alone", async () => {
    const script = "require('./instrumentation.ts').register().then(() => console.log('register returned'))";
    const outcome = await run(['tsx', '--eval', script], { LIFEBOAT_CONFIG: badFile, NEXT_RUNTIME: 'edge' });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('register returned');
  });
});
