import type { ChangeKind, ChangePlan, PlanStep } from './change-plan';

/** The slice of the configured topology a plan is built from (lib/config's shape, kept local to stay pure). */
export type PlanTopology = {
  regions: { primary: { name: string }; secondary: { name: string } };
  collections: readonly string[];
  frontDoor: { profile: string; endpoint: string; route: string; originGroups: { primary: string; secondary: string }; origins: { primary: { name: string }; secondary: { name: string } }; publicUrl: string };
  aks: Record<'primary' | 'secondary', { cluster: string; nodePool: string; standbyNodeCount: number; productionNodeCount: number }>;
  /** Minutes per kind of step (config rto.stepEstimatesMinutes with the plan's defaults). */
  estimates: { 'scale-aks': number; 'restore-qdrant': number; 'restore-redis': number; 'switch-front-door': number; validate: number };
};

type Side = 'primary' | 'secondary';
const other = (side: Side): Side => (side === 'primary' ? 'secondary' : 'primary');

/** Moves serving from `from` to `to`: scale, restore data, then switch the route, then validate. */
function moveServing(t: PlanTopology, from: Side, to: Side, prefix: string): PlanStep[] {
  const fromName = t.regions[from].name;
  const toName = t.regions[to].name;
  const id = (name: string) => `${prefix}${name}`;
  const aks = t.aks[to];
  const restores: PlanStep[] = t.collections.map((collection) => ({
    id: id(`restore-qdrant:${collection}`),
    action: 'restore-qdrant-collection',
    title: `Qdrant ${toName}: recover collection ${collection} from the newest verified snapshot in Blob, then check its points count against the manifest`,
    target: `qdrant/${to}/${collection}`,
    params: { region: to, collection, snapshot: 'newest verified at execution' },
    dependsOn: to === 'primary' ? [id(`snapshot-qdrant:${collection}`)] : [],
    optional: false,
    estimateMinutes: t.estimates['restore-qdrant'],
  }));
  // Failing back, the data written while the secondary served must travel back first.
  const snapshots: PlanStep[] =
    to === 'primary'
      ? t.collections.map((collection) => ({
          id: id(`snapshot-qdrant:${collection}`),
          action: 'snapshot-qdrant-collection',
          title: `Qdrant ${fromName}: snapshot collection ${collection} to Blob with its sha256 and manifest`,
          target: `qdrant/${from}/${collection}`,
          params: { region: from, collection },
          dependsOn: [],
          optional: false,
          estimateMinutes: t.estimates['restore-qdrant'],
        }))
      : [];
  const dataSteps = [...snapshots, ...restores];
  const scale: PlanStep = {
    id: id('scale-aks'),
    action: 'scale-node-pool',
    title: `AKS ${aks.cluster}: node pool ${aks.nodePool} → ${aks.productionNodeCount} nodes (production size)`,
    target: `aks/${to}/${aks.cluster}/${aks.nodePool}`,
    params: { region: to, cluster: aks.cluster, nodePool: aks.nodePool, nodeCount: aks.productionNodeCount },
    dependsOn: [],
    optional: false,
    estimateMinutes: t.estimates['scale-aks'],
  };
  const redis: PlanStep = {
    id: id('restore-redis'),
    action: 'restore-redis',
    title: `Redis ${toName}: restore the newest verified backup (optional: the app runs without cache, degraded)`,
    target: `redis/${to}`,
    params: { region: to, backup: 'newest verified at execution' },
    dependsOn: [],
    optional: true,
    estimateMinutes: t.estimates['restore-redis'],
  };
  const fd = t.frontDoor;
  const switchSteps: PlanStep[] =
    to === 'secondary'
      ? [
          {
            id: id('switch-front-door'),
            action: 'switch-route',
            title: `Front Door route ${fd.route}: origin group ${fd.originGroups[from]} → ${fd.originGroups[to]}`,
            target: `frontdoor/${fd.profile}/${fd.endpoint}/${fd.route}`,
            params: { route: fd.route, fromOriginGroup: fd.originGroups[from], toOriginGroup: fd.originGroups[to] },
            dependsOn: [scale.id, ...dataSteps.map((step) => step.id), redis.id],
            optional: false,
            estimateMinutes: t.estimates['switch-front-door'],
          },
        ]
      : // Failback moves traffic back gradually (the plan's 10 → 50 → 100 %), then gives the route back.
        [10, 50, 100].map((percent, index, all) => ({
          id: id(`shift-weight-${percent}`),
          action: 'set-origin-weights' as const,
          title: `Front Door: ${percent} % of traffic to origin ${fd.origins[to].name} (${toName}), ${100 - percent} % to ${fd.origins[from].name}, then check health`,
          target: `frontdoor/${fd.profile}/${fd.endpoint}/${fd.route}`,
          params: { route: fd.route, toOrigin: fd.origins[to].name, fromOrigin: fd.origins[from].name, percentToTarget: percent, toOriginGroup: fd.originGroups[to] },
          dependsOn: index === 0 ? [scale.id, ...dataSteps.map((step) => step.id), redis.id] : [id(`shift-weight-${all[index - 1]}`)],
          optional: false,
          estimateMinutes: t.estimates['switch-front-door'],
        }));
  const last = switchSteps[switchSteps.length - 1];
  const validate: PlanStep = {
    id: id('validate'),
    action: 'validate-serving',
    title: `Validate: ${fd.publicUrl} answers from ${toName}, /health is ok and the smoke queries pass`,
    target: `frontdoor/${fd.endpoint}`,
    params: { url: fd.publicUrl, expectRegion: toName },
    dependsOn: last ? [last.id] : [],
    optional: false,
    estimateMinutes: t.estimates.validate,
  };
  const precheck: PlanStep = {
    id: id('check-target'),
    action: 'check-health',
    title: `Check ${toName} is healthy enough to serve: app /health, Qdrant ready, AKS running`,
    target: `region/${to}`,
    params: { region: to },
    dependsOn: [],
    optional: false,
    estimateMinutes: 1,
  };
  const gated = (step: PlanStep): PlanStep => (step.dependsOn.length === 0 ? { ...step, dependsOn: [precheck.id] } : step);
  const shrink: PlanStep[] =
    to === 'primary'
      ? [
          {
            id: id('scale-down-standby'),
            action: 'scale-node-pool',
            title: `AKS ${t.aks[from].cluster}: node pool ${t.aks[from].nodePool} → ${t.aks[from].standbyNodeCount} nodes (back to standby size)`,
            target: `aks/${from}/${t.aks[from].cluster}/${t.aks[from].nodePool}`,
            params: { region: from, cluster: t.aks[from].cluster, nodePool: t.aks[from].nodePool, nodeCount: t.aks[from].standbyNodeCount },
            dependsOn: [validate.id],
            optional: false,
            estimateMinutes: t.estimates['scale-aks'],
          },
        ]
      : [];
  return [precheck, ...[scale, ...dataSteps, redis].map(gated), ...switchSteps, validate, ...shrink];
}

/**
 * The exact steps of a failover (primary → secondary), a failback (back to primary) or a drill
 * (a failover, validated, then a failback), with their dependencies: independent steps run in parallel.
 */
export function buildChangePlan(kind: ChangeKind, topology: PlanTopology): ChangePlan {
  const from: Side = kind === 'failback' ? 'secondary' : 'primary';
  const to = other(from);
  const steps =
    kind === 'drill'
      ? (() => {
          const out = moveServing(topology, 'primary', 'secondary', 'failover/');
          const back = moveServing(topology, 'secondary', 'primary', 'failback/');
          const outEnd = out[out.length - 1]?.id;
          return [...out, ...back.map((step) => (step.id === 'failback/check-target' && outEnd ? { ...step, dependsOn: [outEnd] } : step))];
        })()
      : moveServing(topology, from, to, '');
  return { kind, fromRegion: topology.regions[from].name, toRegion: topology.regions[to].name, steps };
}
