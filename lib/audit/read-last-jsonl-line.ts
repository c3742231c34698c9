import type { AppendBlobClient } from '@azure/storage-blob';

const FIRST_READ = 16 * 1024;

/**
 * The last complete line of a JSON Lines blob of `length` bytes, reading backwards from its end in
 * growing ranges (lines hold escaped JSON, so a raw newline only ever ends one).
 */
export async function readLastJsonlLine(blob: AppendBlobClient, length: number): Promise<string> {
  for (let span = FIRST_READ; ; span *= 4) {
    const start = Math.max(0, length - span);
    const bytes = await blob.downloadToBuffer(start, length - start);
    if (bytes[bytes.length - 1] !== 0x0a) throw new Error(`${blob.name} does not end with a newline: its last line is incomplete`);
    const previousNewline = bytes.lastIndexOf(0x0a, bytes.length - 2);
    if (previousNewline >= 0 || start === 0) return bytes.subarray(previousNewline + 1, bytes.length - 1).toString('utf8');
  }
}
