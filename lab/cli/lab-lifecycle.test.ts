import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeboat-lab-'));
const env = { ...process.env, LIFEBOAT_LAB_STATE_DIR: stateDir, LIFEBOAT_DATA_DIR: path.join(stateDir, 'data') };

function lab(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'lab/cli/main.ts', ...args], { env, timeout: 120_000 });
}

/** Processes whose command line mentions this test's state folder (the supervisor, Azurite, redis-server). */
function processesUsing(dir: string): string[] {
  const lines: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const cwdEnv = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (cmd.includes(dir) || cwdEnv.includes(`LIFEBOAT_LAB_STATE_DIR=${dir}`)) lines.push(`${pid} ${cmd.trim()}`);
    } catch {
      // the process ended while we looked
    }
  }
  return lines;
}

describe('npm run lab -- up / status / fault / heal / down', () => {
  beforeAll(async () => {
    const { stdout } = await lab('up');
    console.log(stdout.split('\n').at(-2));
  });
  afterAll(async () => {
    await lab('down').catch(() => undefined);
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it('starts every service, seeds the primary and writes endpoints.json', async () => {
    const endpoints = JSON.parse(fs.readFileSync(path.join(stateDir, 'endpoints.json'), 'utf8'));
    expect(Object.keys(endpoints.services).length).toBeGreaterThanOrEqual(13);
    const { stdout } = await lab('status');
    expect(stdout).not.toContain('DOWN');
    expect(stdout).toMatch(/seeded: \d{4,} points/);
    const health = await fetch(`${endpoints.services['app-canadacentral'].url}/health`);
    expect(health.status).toBe(200);
  });

  it('a region-down fault takes every service of that region down, and heal brings them back', async () => {
    await lab('fault', 'region-down', 'canadacentral');
    const down = (await lab('status')).stdout;
    expect(down.split('\n').filter((line) => line.includes('canadacentral') && line.includes('DOWN')).length).toBe(5);
    const endpoints = JSON.parse(fs.readFileSync(path.join(stateDir, 'endpoints.json'), 'utf8'));
    await expect(fetch(`${endpoints.services['app-canadacentral'].url}/health`)).rejects.toThrow();
    await lab('heal');
    expect((await lab('status')).stdout).not.toContain('DOWN');
  });

  it('refuses an unknown fault with a message', async () => {
    await expect(lab('fault', 'meteor-strike')).rejects.toThrow(/name/);
  });

  it('down leaves no process behind', async () => {
    expect(processesUsing(stateDir).length).toBeGreaterThan(0);
    await lab('down');
    expect(processesUsing(stateDir)).toEqual([]);
    await expect(fetch('http://127.0.0.1:8090/status')).rejects.toThrow();
  });
});
