const MIN_LENGTH = 32;

/** The secret that seals Lifeboat's cookies; fails loudly rather than sealing with a weak key. */
export function readSessionSecret(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const secret = env.LIFEBOAT_SESSION_SECRET;
  if (!secret || secret.length < MIN_LENGTH) {
    throw new Error(
      `LIFEBOAT_SESSION_SECRET must be set to at least ${MIN_LENGTH} characters (it ${secret ? `has ${secret.length}` : 'is not set'}). ` +
        'Generate one with: node -e "console.log(require(\'node:crypto\').randomBytes(32).toString(\'base64url\'))"',
    );
  }
  return secret;
}
