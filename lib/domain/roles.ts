/** Lifeboat's roles; in Entra ID they are the app roles' values, delivered in the token's `roles` claim. */
export const ROLES = ['Viewer', 'Operator', 'Approver', 'Architect', 'Admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Keeps the known roles of a token's `roles` claim, in a stable order; unknown values are ignored. */
export function rolesFromClaim(claim: unknown): Role[] {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? [claim] : [];
  return ROLES.filter((role) => values.includes(role));
}

/** True when the holder of `held` may do what needs any one of `allowed`; Admin may do everything. */
export function hasAnyRole(held: readonly Role[], allowed: readonly Role[]): boolean {
  return held.includes('Admin') || held.some((role) => allowed.includes(role));
}
