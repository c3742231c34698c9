import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { getConfig } from './get-config';

describe('getConfig', () => {
  let dir: string;
  const saved = process.env.LIFEBOAT_CONFIG;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeboat-config-'));
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.LIFEBOAT_CONFIG;
    else process.env.LIFEBOAT_CONFIG = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('defaults to config/lab.yaml in the working directory', () => {
    delete process.env.LIFEBOAT_CONFIG;
    expect(getConfig().components.frontDoor.profile).toBe('afd-rag');
  });

  it('loads the file named by LIFEBOAT_CONFIG once, then answers from memory', () => {
    const file = path.join(dir, 'lifeboat.yaml');
    fs.copyFileSync(path.resolve('config/lab.yaml'), file);
    process.env.LIFEBOAT_CONFIG = file;
    const first = getConfig();
    fs.writeFileSync(file, 'not: [valid');
    expect(getConfig()).toBe(first);
  });

  it('throws a ConfigError naming the path when the file cannot be read', () => {
    process.env.LIFEBOAT_CONFIG = path.join(dir, 'missing.yaml');
    expect(getConfig).toThrow(ConfigError);
    expect(getConfig).toThrow(/^cannot read the Lifeboat configuration .*missing\.yaml .*set LIFEBOAT_CONFIG to choose the file\):\n {2}ENOENT/);
  });

  it('throws a ConfigError naming the file and field when the file is invalid', () => {
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, fs.readFileSync(path.resolve('config/lab.yaml'), 'utf8').replace('rpoMinutes: 60', 'rpoMinutes: -5'));
    process.env.LIFEBOAT_CONFIG = file;
    expect(getConfig).toThrow(`invalid Lifeboat configuration in ${file}:\n  objectives.rpoMinutes: must be greater than 0 (got -5)`);
  });
});
