import type { PlanStep } from './change-plan';

export type WeightedPath = { stepIds: string[]; seconds: number };

/**
 * The longest dependency chain through the plan, each step weighted by its measured duration
 * (a step without one weighs 0): the least time any schedule of this DAG could take. First step first.
 */
export function longestDependencyChain(planSteps: readonly PlanStep[], durationSeconds: ReadonlyMap<string, number>): WeightedPath {
  const byId = new Map(planSteps.map((step) => [step.id, step]));
  const best = new Map<string, WeightedPath>();
  const visiting = new Set<string>();
  const chainEndingAt = (id: string): WeightedPath => {
    const known = best.get(id);
    if (known) return known;
    if (visiting.has(id)) throw new Error(`the plan's dependencies form a cycle through ${id}`);
    visiting.add(id);
    const before = (byId.get(id)?.dependsOn ?? []).filter((dep) => byId.has(dep)).map(chainEndingAt);
    const longest = before.reduce<WeightedPath>((a, b) => (b.seconds > a.seconds ? b : a), { stepIds: [], seconds: 0 });
    const path = { stepIds: [...longest.stepIds, id], seconds: longest.seconds + (durationSeconds.get(id) ?? 0) };
    visiting.delete(id);
    best.set(id, path);
    return path;
  };
  return planSteps.map((step) => chainEndingAt(step.id)).reduce<WeightedPath>((a, b) => (b.seconds > a.seconds ? b : a), { stepIds: [], seconds: 0 });
}
