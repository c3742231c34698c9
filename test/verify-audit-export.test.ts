import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAuditJsonLine } from '@/lib/domain/audit-json-line';
import { auditChainFixture } from '@/lib/domain/testing/audit-chain-fixture';

const run = promisify(execFile);
let dir: string;

/** `npm run audit:verify -- <files>` as a user runs it: its output and exit code. */
async function verify(...files: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/verify-audit-export.ts', ...files.map((file) => path.join(dir, file))]);
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

const events = auditChainFixture(40, new Date('2026-11-24T23:59:40Z'), (i) => ({ payload: { i, comment: 'a, "b"\nc' } }));
const lines = events.map(formatAuditJsonLine);
const header = (complete: boolean) =>
  JSON.stringify({ format: 'lifeboat-audit-export/1', exportedAt: '2026-11-25T00:01:00.000Z', exportedBy: 'admin', complete, filter: complete ? {} : { actor: 'admin' }, through: { seq: '40', hash: events[39]!.hash }, note: 'n' });
const file = (name: string, content: string[]) => writeFile(path.join(dir, name), `${content.join('\n')}\n`);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-audit-verify-'));
  const modified = [...lines];
  modified[16] = modified[16]!.replace('"outcome":"success"', '"outcome":"denied"');
  await Promise.all([
    file('intact.jsonl', [header(true), ...lines]),
    file('modified.jsonl', [header(true), ...modified]),
    file('deleted.jsonl', [header(true), ...lines.filter((_, i) => i !== 25)]),
    file('reordered.jsonl', [header(true), ...lines.slice(0, 9), lines[10]!, lines[9]!, ...lines.slice(11)]),
    file('filtered.jsonl', [header(false), lines[3]!, lines[30]!]),
    // The Blob mirror's day files: no header, split at midnight UTC.
    file('day-1.jsonl', lines.slice(0, 20)),
    file('day-2.jsonl', lines.slice(20)),
  ]);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('npm run audit:verify', () => {
  it('says INTACT and exits 0 for an untouched export', async () => {
    const { code, out } = await verify('intact.jsonl');
    expect(code).toBe(0);
    expect(out).toContain('INTACT: 40 events (seq 1 … 40)');
    expect(out).toContain(events[39]!.hash);
  });

  it('exits 1 naming the line and seq of a modified event', async () => {
    const { code, out } = await verify('modified.jsonl');
    expect(code).toBe(1);
    expect(out).toContain('BROKEN at');
    expect(out).toContain('modified.jsonl:18 (seq 17): content-altered');
  });

  it('exits 1 at the event after a deleted one', async () => {
    const { code, out } = await verify('deleted.jsonl');
    expect(code).toBe(1);
    expect(out).toContain('deleted.jsonl:27 (seq 27): link-broken');
  });

  it('exits 1 at the first reordered line', async () => {
    const { code, out } = await verify('reordered.jsonl');
    expect(code).toBe(1);
    expect(out).toContain('reordered.jsonl:11 (seq 11): link-broken');
  });

  it('refuses to call a filtered export a chain (exit 2)', async () => {
    const { code, out } = await verify('filtered.jsonl');
    expect(code).toBe(2);
    expect(out).toContain('SUBSET, NOT VERIFIABLE AS A CHAIN');
    expect(out).toContain('actor=admin');
  });

  it('verifies the mirror day files given in name order, and names the file when they are not', async () => {
    expect(await verify('day-1.jsonl', 'day-2.jsonl')).toMatchObject({ code: 0 });
    const swapped = await verify('day-2.jsonl', 'day-1.jsonl');
    expect(swapped.code).toBe(1);
    expect(swapped.out).toContain('day-2.jsonl:1 (seq 21): not-from-genesis');
  });
});
