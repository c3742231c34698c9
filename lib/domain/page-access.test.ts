import { describe, expect, it } from 'vitest';
import { canOpen, NAV_PAGES, pageFor } from './page-access';
import { hasAnyRole, ROLES, rolesFromClaim } from './roles';

describe('page access', () => {
  it('lets every role see the status board and replication, and keeps audit and approvals to their roles', () => {
    expect(canOpen(['Viewer'], pageFor('/'))).toBe(true);
    expect(ROLES.every((role) => canOpen([role], pageFor('/replication')))).toBe(true);
    expect(ROLES.every((role) => canOpen([role], pageFor('/metrics')) && canOpen([role], pageFor('/compliance')))).toBe(true);
    expect(canOpen(['Viewer'], pageFor('/audit'))).toBe(false);
    expect(canOpen(['Operator'], pageFor('/approvals'))).toBe(false);
    expect(canOpen(['Approver'], pageFor('/approvals'))).toBe(true);
    expect(canOpen(['Architect'], pageFor('/audit'))).toBe(true);
    expect(NAV_PAGES.every((page) => canOpen(['Admin'], page))).toBe(true);
  });

  it('lists Replication right after Status', () => {
    expect(NAV_PAGES.map((page) => page.href).slice(0, 2)).toEqual(['/', '/replication']);
  });

  it('a user with no role may open nothing', () => {
    expect(NAV_PAGES.some((page) => canOpen([], page))).toBe(false);
  });

  it('reads only known roles from a token claim', () => {
    expect(rolesFromClaim(['Approver', 'Root', 'Viewer'])).toEqual(['Viewer', 'Approver']);
    expect(rolesFromClaim('Admin')).toEqual(['Admin']);
    expect(rolesFromClaim(undefined)).toEqual([]);
    expect(hasAnyRole(['Operator'], ['Approver'])).toBe(false);
  });
});
