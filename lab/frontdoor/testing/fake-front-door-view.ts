import type { ActiveOriginGroupView, FrontDoorView } from '../../arm/front-door-view';

export type FakeFrontDoorView = FrontDoorView & {
  /** Points the route at another group and notifies, as a Succeeded ARM PUT on the route would. */
  switchTo(groupName: string): void;
  listenerCount(): number;
};

/** A FrontDoorView the test controls, in place of the ARM emulator. */
export function fakeFrontDoorView(groups: ActiveOriginGroupView[], active = groups[0]?.name ?? ''): FakeFrontDoorView {
  const listeners = new Set<() => void>();
  let current = active;
  const find = (name: string) => {
    const group = groups.find((candidate) => candidate.name === name);
    if (!group) throw new Error(`no origin group ${name}`);
    return group;
  };
  find(current);
  return {
    activeOriginGroup: () => find(current),
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    switchTo(name) {
      find(name);
      current = name;
      for (const listener of listeners) listener();
    },
    listenerCount: () => listeners.size,
  };
}
