import { describe, expect, it } from 'vitest';
import type { PlanStep } from './change-plan';
import { longestDependencyChain } from './critical-path';

const step = (id: string, dependsOn: string[] = []): PlanStep => ({ id, action: 'check-health', title: id, target: 't', params: {}, dependsOn, optional: false, estimateMinutes: 1 });
// check → (scale, restore, cache) in parallel → switch → validate
const plan = [step('check'), step('scale', ['check']), step('restore', ['check']), step('cache', ['check']), step('switch', ['scale', 'restore', 'cache']), step('validate', ['switch'])];

describe('longestDependencyChain', () => {
  it('follows the slowest of parallel branches and adds up the chain', () => {
    const durations = new Map([['check', 1], ['scale', 6], ['restore', 9], ['cache', 2], ['switch', 2], ['validate', 3]]);
    expect(longestDependencyChain(plan, durations)).toEqual({ stepIds: ['check', 'restore', 'switch', 'validate'], seconds: 15 });
  });

  it('can end in a branch that nothing waits on, and weighs unmeasured steps 0', () => {
    const branching = [step('a'), step('b', ['a']), step('long'), step('c', ['b'])];
    expect(longestDependencyChain(branching, new Map([['a', 1], ['b', 1], ['long', 5]]))).toEqual({ stepIds: ['long'], seconds: 5 });
  });

  it('is empty for an empty plan and refuses a cycle', () => {
    expect(longestDependencyChain([], new Map())).toEqual({ stepIds: [], seconds: 0 });
    expect(() => longestDependencyChain([step('x', ['y']), step('y', ['x'])], new Map())).toThrow(/cycle/);
  });
});
