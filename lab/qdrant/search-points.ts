import { CHUNK_POINTS, type Distance, type PointsTable } from './points-table';

export type SearchHit = { index: number; score: number };

export type SearchOptions = {
  /** Prepared like stored vectors (normalised for Cosine). */
  query: Float32Array;
  limit: number;
  offset: number;
  scoreThreshold?: number;
  accept?: (index: number) => boolean;
};

/** Similarities grow with relevance; distances (Euclid, Manhattan) shrink. */
export function isDistance(distance: Distance): boolean {
  return distance === 'Euclid' || distance === 'Manhattan';
}

/** A min-heap on "goodness" holding the best `capacity` hits seen so far. */
class TopHits {
  private readonly heap: SearchHit[] = [];
  constructor(
    private readonly capacity: number,
    private readonly goodness: (score: number) => number,
  ) {}

  private worse(a: SearchHit, b: SearchHit): boolean {
    const ga = this.goodness(a.score);
    const gb = this.goodness(b.score);
    return ga < gb || (ga === gb && a.index > b.index);
  }

  offer(hit: SearchHit): void {
    const heap = this.heap;
    if (heap.length < this.capacity) {
      heap.push(hit);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(heap[i] as SearchHit, heap[parent] as SearchHit)) break;
        [heap[i], heap[parent]] = [heap[parent] as SearchHit, heap[i] as SearchHit];
        i = parent;
      }
      return;
    }
    if (!this.worse(heap[0] as SearchHit, hit)) return;
    heap[0] = hit;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && this.worse(heap[left] as SearchHit, heap[smallest] as SearchHit)) smallest = left;
      if (right < heap.length && this.worse(heap[right] as SearchHit, heap[smallest] as SearchHit)) smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest] as SearchHit, heap[i] as SearchHit];
      i = smallest;
    }
  }

  best(): SearchHit[] {
    return [...this.heap].sort((a, b) => (this.worse(a, b) ? 1 : this.worse(b, a) ? -1 : 0));
  }
}

/** Exact nearest neighbours by brute force over every stored vector (no HNSW: the lab favours exactness over speed). */
export function searchPoints(table: PointsTable, options: SearchOptions): SearchHit[] {
  const { distance, size: dim } = table.config;
  const distanceLike = isDistance(distance);
  const top = new TopHits(options.limit + options.offset, distanceLike ? (score) => -score : (score) => score);
  const q = options.query;
  const threshold = options.scoreThreshold;
  const total = table.size;
  for (let chunkIndex = 0; chunkIndex * CHUNK_POINTS < total; chunkIndex++) {
    const data = table.chunkData(chunkIndex);
    const first = chunkIndex * CHUNK_POINTS;
    const count = Math.min(CHUNK_POINTS, total - first);
    for (let local = 0; local < count; local++) {
      const index = first + local;
      if (options.accept && !options.accept(index)) continue;
      const base = local * dim;
      let score = 0;
      if (distance === 'Euclid') {
        for (let d = 0; d < dim; d++) {
          const diff = (data[base + d] as number) - (q[d] as number);
          score += diff * diff;
        }
        score = Math.sqrt(score);
      } else if (distance === 'Manhattan') {
        for (let d = 0; d < dim; d++) score += Math.abs((data[base + d] as number) - (q[d] as number));
      } else {
        for (let d = 0; d < dim; d++) score += (data[base + d] as number) * (q[d] as number);
      }
      if (threshold !== undefined && (distanceLike ? score > threshold : score < threshold)) continue;
      top.offer({ index, score });
    }
  }
  return top.best().slice(options.offset);
}
