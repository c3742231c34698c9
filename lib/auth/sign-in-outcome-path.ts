/** Why someone landed on /auth/signed-out; the page words each case. */
export const SIGN_IN_OUTCOMES = ['signed-out', 'failed', 'unavailable'] as const;
export type SignInOutcome = (typeof SIGN_IN_OUTCOMES)[number];

export function signInOutcomePath(outcome: SignInOutcome): string {
  return outcome === 'signed-out' ? '/auth/signed-out' : `/auth/signed-out?reason=${outcome}`;
}
