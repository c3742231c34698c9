export const DEFAULT_VECTOR_SIZE = 256;

/** FNV-1a, 32 bit: fast, stable across runs and machines. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Words of letters and digits, lower-cased; what the embedding and the schemas count as content. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * A deterministic embedding with no model: words and their character trigrams hashed into
 * `size` signed buckets (the hashing trick), L2-normalised so cosine similarity compares texts.
 */
export function embedText(text: string, size = DEFAULT_VECTOR_SIZE): number[] {
  const vector = new Array<number>(size).fill(0);
  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature);
    vector[hash % size]! += (hash & 0x80000000 ? -1 : 1) * weight;
  };
  for (const word of wordsOf(text)) {
    add(`w:${word}`, 1);
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) add(`t:${padded.slice(i, i + 3)}`, 0.5);
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}
