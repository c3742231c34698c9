// `npm run audit:verify -- <file.jsonl> [more files…]`: re-checks an audit export (or the Blob mirror's
// day files, given in name order) offline, with the same hashing as the database chain.
// Exit 0: an intact chain; 1: broken or unreadable; 2: a filtered export (a subset, not a chain).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { checkAuditLines } from '@/lib/domain/check-audit-lines';

type Source = { name: string; firstLine: number };

async function* linesOf(files: string[], sources: Source[]): AsyncGenerator<string> {
  let count = 0;
  for (const file of files) {
    sources.push({ name: file, firstLine: count + 1 });
    const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      count += 1;
      yield line;
    }
  }
}

/** "file:line" for a line number counted across every file. */
function place(sources: Source[], line: number): string {
  const source = [...sources].reverse().find((candidate) => candidate.firstLine <= line) ?? sources[0];
  if (!source) return `line ${line}`;
  return `${source.name}:${line - source.firstLine + 1}`;
}

async function main(): Promise<number> {
  const files = process.argv.slice(2).filter((arg) => arg !== '--');
  if (files.length === 0) {
    console.error('usage: npm run audit:verify -- <export.jsonl | mirror day files in name order…>');
    return 1;
  }
  const sources: Source[] = [];
  const verdict = await checkAuditLines(linesOf(files, sources));
  const range = verdict.first && verdict.last ? `seq ${verdict.first.seq} … ${verdict.last.seq}` : 'no events';
  if (verdict.problem) {
    const { problem } = verdict;
    console.log(`BROKEN at ${place(sources, problem.line)}${problem.seq ? ` (seq ${problem.seq})` : ''}: ${problem.reason}: ${problem.detail}`);
    console.log(`${verdict.events} events before it check out${verdict.last ? ` (${range})` : ''}.`);
    return 1;
  }
  if (verdict.kind === 'subset') {
    const filter = Object.entries(verdict.header?.filter ?? {}).map(([key, value]) => `${key}=${value}`).join(' ');
    console.log(`SUBSET, NOT VERIFIABLE AS A CHAIN: a filtered export (${filter || 'filtered'}), ${verdict.events} events (${range}).`);
    console.log('Each event hashes to its own stored hash and they are in order, but the events between them are missing,');
    console.log('so deletions cannot be detected. Export the whole log (no filters) to verify the chain.');
    return 2;
  }
  if (verdict.events === 0) {
    console.log('NOTHING TO VERIFY: no audit events in the input.');
    return 1;
  }
  const through = verdict.header?.through ? `, through seq ${verdict.header.through.seq} as its header says` : '';
  console.log(`INTACT: ${verdict.events} events (${range}), one unbroken chain from the first event${through}.`);
  console.log(`Last hash ${verdict.last?.hash}: compare it with the Audit page or the Blob mirror to know nothing newer was cut off.`);
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(`cannot verify: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
