import { QdrantError } from './qdrant-error';

const INVALID_CHARS = ['<', '>', ':', '"', '/', '\\', '|', '?', '*', '\0', '\u001f'];

/** Qdrant's collection-name rule (1–255 chars, none of <>:"/\|?* NUL US); "." and ".." are refused too, as they name folders. */
export function checkCollectionName(name: string): string {
  const problem =
    name.length < 1 || name.length > 255
      ? 'length must be between 1 and 255'
      : name === '.' || name === '..'
        ? `collection name cannot be "${name}"`
        : (() => {
            const bad = INVALID_CHARS.find((c) => name.includes(c));
            return bad === undefined ? null : `collection name cannot contain ${JSON.stringify(bad)} char`;
          })();
  if (problem) throw new QdrantError(400, `Validation error in path parameters: [name: ${problem}]`);
  return name;
}
