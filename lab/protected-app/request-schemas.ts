import { z } from 'zod';
import { wordsOf } from '../shared/embed-text';

const Text = z.string().max(20_000).refine((text) => wordsOf(text).length > 0, 'must contain at least one word');

export const IngestRequest = z.object({
  documents: z
    .array(z.object({ id: z.union([z.string().min(1).max(200), z.number().int().nonnegative()]), text: Text }))
    .min(1)
    .max(1000),
});
export type IngestRequest = z.infer<typeof IngestRequest>;

export const QueryRequest = z.object({ text: Text, limit: z.number().int().min(1).max(100).default(5) });
export type QueryRequest = z.infer<typeof QueryRequest>;

export const TokenRequest = z.object({ user: z.string().regex(/^[\w.@-]{1,64}$/, 'letters, digits and . _ @ - only, at most 64') });
export type TokenRequest = z.infer<typeof TokenRequest>;
