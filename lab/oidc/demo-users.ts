import type { Role } from '@/lib/domain/roles';

export type DemoUser = { id: string; name: string; email: string; roles: readonly Role[] };

/** Every demo user's password: a lab, not a secret. The login page says so. */
export const DEMO_PASSWORD = 'lifeboat';

/** One person per role, plus a second approver so the two-person rule can be tried. */
export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'viewer', name: 'Vera Viewer', email: 'viewer@lifeboat.test', roles: ['Viewer'] },
  { id: 'operator', name: 'Omar Operator', email: 'operator@lifeboat.test', roles: ['Operator'] },
  { id: 'approver1', name: 'Alice Approver', email: 'approver1@lifeboat.test', roles: ['Approver'] },
  { id: 'approver2', name: 'Bob Approver', email: 'approver2@lifeboat.test', roles: ['Approver'] },
  { id: 'architect', name: 'Ada Architect', email: 'architect@lifeboat.test', roles: ['Architect'] },
  { id: 'admin', name: 'Adam Admin', email: 'admin@lifeboat.test', roles: ['Admin'] },
];

export function findDemoUser(id: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.id === id);
}
