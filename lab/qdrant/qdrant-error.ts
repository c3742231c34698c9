/**
 * A failure answered with Qdrant's error envelope `{status:{error}, time}`. The constructors mirror
 * Qdrant's StorageError kinds: their message prefixes and the HTTP status each kind maps to.
 */
export class QdrantError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'QdrantError';
  }
}

export const wrongInput = (description: string) => new QdrantError(400, `Wrong input: ${description}`);
export const badRequest = (description: string) => new QdrantError(400, `Bad request: ${description}`);
export const notFound = (description: string) => new QdrantError(404, `Not found: ${description}`);
/** Qdrant prints AlreadyExists like BadInput but answers 409. */
export const alreadyExists = (description: string) => new QdrantError(409, `Wrong input: ${description}`);
export const forbidden = (description: string) => new QdrantError(403, `Forbidden: ${description}`);
export const serviceError = (description: string) => new QdrantError(500, `Service internal error: ${description}`);
export const formatError = (where: string, description: string) => new QdrantError(400, `Format error in ${where}: ${description}`);
export const collectionNotFound = (name: string) => notFound(`Collection \`${name}\` doesn't exist!`);

export function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
