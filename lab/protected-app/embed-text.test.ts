import { describe, expect, it } from 'vitest';
import { embedText } from '../shared/embed-text';
import { generateDocuments } from './generate-documents';
import { pointIdForDocument } from './point-id-for-document';

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

describe('deterministic embedding', () => {
  it('gives the same unit vector for the same text, of the requested size', () => {
    const a = embedText('Restore the Qdrant snapshot in Canada East', 64);
    expect(a).toHaveLength(64);
    expect(embedText('Restore the Qdrant snapshot in Canada East', 64)).toEqual(a);
    expect(Math.hypot(...a)).toBeCloseTo(1, 10);
  });

  it('puts texts that share words closer than unrelated ones', () => {
    const query = embedText('qdrant snapshot restore');
    const related = embedText('How to restore a Qdrant collection snapshot from Blob storage');
    const unrelated = embedText('Redis AOF replay for the session cache');
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.2);
  });

  it('ignores case and punctuation', () => {
    expect(embedText('Front Door: FAILOVER!')).toEqual(embedText('front door failover'));
  });
});

describe('seed corpus and point ids', () => {
  it('generates the same documents on every run, with distinct ids', () => {
    const docs = generateDocuments(300);
    expect(generateDocuments(300)).toEqual(docs);
    expect(generateDocuments(10, 290)).toEqual(docs.slice(290));
    expect(new Set(docs.map((d) => d.id)).size).toBe(300);
    expect(new Set(docs.map((d) => d.text)).size).toBe(300);
  });

  it('maps document ids to stable, distinct UUIDs', () => {
    const id = pointIdForDocument('dr-note-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(pointIdForDocument('dr-note-1')).toBe(id);
    expect(pointIdForDocument('dr-note-2')).not.toBe(id);
  });
});
