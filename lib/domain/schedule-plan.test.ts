import { describe, expect, it } from 'vitest';
import { buildChangePlan, type PlanTopology } from './build-change-plan';
import { schedulePlan } from './schedule-plan';

const topology: PlanTopology = {
  regions: { primary: { name: 'canadacentral' }, secondary: { name: 'canadaeast' } },
  collections: ['documents', 'faq'],
  frontDoor: { profile: 'fd', endpoint: 'ep', route: 'default-route', originGroups: { primary: 'og-cc', secondary: 'og-ce' }, origins: { primary: { name: 'o-cc' }, secondary: { name: 'o-ce' } }, publicUrl: 'https://app.test' },
  aks: {
    primary: { cluster: 'aks-cc', nodePool: 'user', standbyNodeCount: 1, productionNodeCount: 3 },
    secondary: { cluster: 'aks-ce', nodePool: 'user', standbyNodeCount: 1, productionNodeCount: 3 },
  },
  estimates: { 'scale-aks': 10, 'restore-qdrant': 30, 'restore-redis': 5, 'switch-front-door': 2, validate: 3 },
  failback: { soakSeconds: 60, monitoringMinutes: 30 },
};

describe('schedulePlan', () => {
  it('runs independent failover steps in parallel: the longest branch sets the total', () => {
    const schedule = schedulePlan(buildChangePlan('failover', topology).steps);
    expect(schedule.stages.map((stage) => stage.map((item) => item.step.id).sort())).toEqual([
      ['check-target'],
      ['restore-qdrant:documents', 'restore-qdrant:faq', 'restore-redis', 'scale-aks'],
      ['switch-front-door'],
      ['validate'],
    ]);
    // 1 (check) + 30 (the slowest parallel step) + 2 (switch) + 3 (validate), not the sum of all steps.
    expect(schedule.totalMinutes).toBe(36);
    expect(schedule.steps.find((item) => item.step.id === 'switch-front-door')).toMatchObject({ startMinute: 31, endMinute: 33 });
  });

  it('orders a drill as a failover, then a failback that waits for it', () => {
    const schedule = schedulePlan(buildChangePlan('drill', topology).steps);
    const failbackCheck = schedule.steps.find((item) => item.step.id === 'failback/check-target');
    const failoverEnd = schedule.steps.find((item) => item.step.id === 'failover/validate');
    expect(failbackCheck?.startMinute).toBe(failoverEnd?.endMinute);
    expect(schedule.totalMinutes).toBeGreaterThan(70);
  });

  it('refuses a cycle instead of looping', () => {
    const step = { action: 'check-health' as const, title: 't', target: 'x', params: {}, optional: false, estimateMinutes: 1 };
    expect(() => schedulePlan([{ ...step, id: 'a', dependsOn: ['b'] }, { ...step, id: 'b', dependsOn: ['a'] }])).toThrow('depends on itself');
  });
});
