import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listSecretReferences } from './list-secret-references';

const documented = new Set([...fs.readFileSync(path.resolve('.env.example'), 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('.env.example', () => {
  it.each(['config/lab.yaml', 'config/example.production.yaml'])('documents every secret variable %s names', (file) => {
    const names = listSecretReferences(parse(fs.readFileSync(path.resolve(file), 'utf8'))).map((reference) => reference.envName);
    expect(names.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('documents every LIFEBOAT_* variable the code reads', () => {
    const files = ['app', 'lib', 'lab', 'scripts', 'test', 'e2e', 'bench'].flatMap((dir) => sourceFiles(path.resolve(dir)));
    const read = new Set(files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/\bLIFEBOAT_[A-Z0-9_]+\b/g)].map((match) => match[0])));
    expect([...read].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });
});
