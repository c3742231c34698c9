import { createHash } from 'node:crypto';

/** Qdrant ids are unsigned integers or UUIDs; a document id of any shape maps to a stable UUID (v5-style layout). */
export function pointIdForDocument(documentId: string | number): string {
  const hex = createHash('sha256').update(`protected-app:${String(documentId)}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
