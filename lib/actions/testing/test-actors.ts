import type { Role } from '@/lib/domain/roles';
import type { ActionResult } from '../action-result';
import type { Actor } from '../run-secure-action';

// Tests only: the people the action and workflow tests act as, signed in just now.

export type TestActor = Actor & { authTime: number };

export const testActor = (userId: string, name: string, roles: Role[]): TestActor => ({ userId, name, roles, authTime: Math.floor(Date.now() / 1000) });
export const operator = testActor('operator', 'Omar Operator', ['Operator']);
export const architect = testActor('architect', 'Ada Architect', ['Architect']);
export const viewer = testActor('viewer', 'Vera Viewer', ['Viewer']);
export const admin = testActor('admin', 'Adam Admin', ['Admin']);
export const approver = (n: number) => testActor(`approver${n}`, `Approver ${n}`, ['Approver']);

/** The data of a successful action; throws with the refusal otherwise. */
export function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error}: ${result.message}`);
  return result.data;
}
