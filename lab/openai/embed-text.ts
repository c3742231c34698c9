import { embedText as hashedEmbedding } from '../shared/embed-text';

/**
 * The emulator's embedding: the lab's one deterministic hashed embedding (lab/shared), shortened to
 * `dimensions` and renormalised, as text-embedding-3 models do with the `dimensions` parameter.
 */
export function embedText(text: string, fullDimensions: number, dimensions = fullDimensions): number[] {
  const shortened = hashedEmbedding(text, fullDimensions).slice(0, dimensions);
  const norm = Math.hypot(...shortened);
  // Every feature may cancel out in a short prefix: answer a unit vector, never zeros.
  if (norm === 0) return shortened.map((_, index) => (index === 0 ? 1 : 0));
  return shortened.map((value) => value / norm);
}
