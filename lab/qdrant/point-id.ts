/** Qdrant point ids: an unsigned integer or a UUID (kept lowercase and hyphenated, as Qdrant prints them). */
export type PointId = number | string;

const HYPHENATED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SIMPLE = /^[0-9a-f]{32}$/i;
const URN_OR_BRACED = /^(?:urn:uuid:([0-9a-f-]{36})|\{([0-9a-f-]{36})\})$/i;

/** The canonical form of a UUID in any of the spellings Qdrant's parser accepts, or null. */
export function normalizeUuid(text: string): string | null {
  const inner = URN_OR_BRACED.exec(text);
  const candidate = inner ? (inner[1] ?? inner[2] ?? '') : text;
  if (HYPHENATED.test(candidate)) return candidate.toLowerCase();
  if (SIMPLE.test(candidate)) {
    const hex = candidate.toLowerCase();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return null;
}

/** Integer ids must stay exact in a JS number: the lab caps them at 2^53 - 1 where Qdrant allows u64. */
export function isIntegerId(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

export function uuidToBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

export function bytesToUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Sort order Qdrant uses when ids are compared: integers before UUIDs. */
export function comparePointIds(a: PointId, b: PointId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
