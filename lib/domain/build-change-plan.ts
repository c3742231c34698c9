import type { ChangeKind, ChangePlan, PlanStep } from './change-plan';
import { drillSteps } from './drill-steps';
import { ExpectedFailure } from './errors';
import { openAiEndpointStep, type OpenAiEndpointSwitch } from './openai-endpoint-step';
import { storageFailoverStep, type StorageFailoverTarget } from './storage-failover-step';

/** The slice of the configured topology a plan is built from (lib/config's shape, kept local to stay pure). */
export type PlanTopology = {
  regions: { primary: { name: string }; secondary: { name: string } };
  collections: readonly string[];
  frontDoor: { profile: string; endpoint: string; route: string; originGroups: { primary: string; secondary: string }; origins: { primary: { name: string }; secondary: { name: string } }; publicUrl: string };
  aks: Record<'primary' | 'secondary', { cluster: string; nodePool: string; standbyNodeCount: number; productionNodeCount: number }>;
  /** Minutes per kind of step (config rto.stepEstimatesMinutes with the plan's defaults). */
  estimates: { 'scale-aks': number; 'restore-qdrant': number; 'restore-redis': number; 'switch-front-door': number; validate: number };
  /** Config runbooks.failback: the health gate's watch per traffic stage, and the wait before the secondary shrinks. */
  failback: { soakSeconds: number; monitoringMinutes: number };
  /** Config runbooks.optionalSteps.openaiEndpointSwitch: present only when on (off by default). */
  openaiEndpointSwitch?: OpenAiEndpointSwitch;
  /** Config runbooks.optionalSteps.storageAccountFailover: present only when on; needed by a `storage-failover` request. */
  storageFailover?: StorageFailoverTarget;
  /** Config lab.controlUrl: where a lab drill posts its region-down fault. */
  labControlUrl?: string;
};

/** `environment` (drills only): simulate the primary's failure there first (`lab` or a named environment). */
export type PlanOptions = { environment?: string };

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
  const precheckId = id('check-target');
  const openai = t.openaiEndpointSwitch ? [openAiEndpointStep(t.openaiEndpointSwitch, from, to, toName, id('switch-openai'), [precheckId])] : [];
  // Traffic moves only once the target's app would call its own region's Azure OpenAI.
  const beforeSwitch = [scale.id, ...dataSteps.map((step) => step.id), redis.id, ...openai.map((step) => step.id)];
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
            dependsOn: beforeSwitch,
            optional: false,
            estimateMinutes: t.estimates['switch-front-door'],
          },
        ]
      : // Failback moves traffic back gradually (the plan's 10 → 50 → 100 %), then gives the route back.
        [10, 50, 100].map((percent, index, all) => ({
          id: id(`shift-weight-${percent}`),
          action: 'set-origin-weights' as const,
          title: `Front Door: ${percent} % of traffic to origin ${fd.origins[to].name} (${toName}), ${100 - percent} % to ${fd.origins[from].name}, then watch health for ${t.failback.soakSeconds} s; if it fails, route everything back to ${fd.originGroups[from]} and stop`,
          target: `frontdoor/${fd.profile}/${fd.endpoint}/${fd.route}`,
          params: {
            route: fd.route,
            toOrigin: fd.origins[to].name,
            fromOrigin: fd.origins[from].name,
            percentToTarget: percent,
            toOriginGroup: fd.originGroups[to],
            rollbackOriginGroup: fd.originGroups[from],
            soakSeconds: t.failback.soakSeconds,
          },
          dependsOn: index === 0 ? beforeSwitch : [id(`shift-weight-${all[index - 1]}`)],
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
    id: precheckId,
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
            title: `AKS ${t.aks[from].cluster}: after ${t.failback.monitoringMinutes} min on ${toName}, and only if ${fd.publicUrl} still serves from it (smoke checks), node pool ${t.aks[from].nodePool} → ${t.aks[from].standbyNodeCount} nodes (back to standby size)`,
            target: `aks/${from}/${t.aks[from].cluster}/${t.aks[from].nodePool}`,
            params: { region: from, cluster: t.aks[from].cluster, nodePool: t.aks[from].nodePool, nodeCount: t.aks[from].standbyNodeCount, afterMonitoringMinutes: t.failback.monitoringMinutes, servingUrl: fd.publicUrl, servingRegion: toName },
            dependsOn: [validate.id],
            optional: false,
            estimateMinutes: t.estimates['scale-aks'],
          },
        ]
      : [];
  return [precheck, ...openai, ...[scale, ...dataSteps, redis].map(gated), ...switchSteps, validate, ...shrink];
}

/** A failover then a failback, the failback starting once the failover is validated; with an environment, wrapped in the drill's own steps. */
function drillPlanSteps(topology: PlanTopology, environment: string | undefined): PlanStep[] {
  const out = moveServing(topology, 'primary', 'secondary', 'failover/');
  const back = moveServing(topology, 'secondary', 'primary', 'failback/');
  const outEnd = out[out.length - 1]?.id;
  if (environment === undefined) return [...out, ...back.map((step) => (step.id === 'failback/check-target' && outEnd ? { ...step, dependsOn: [outEnd] } : step))];
  // Announce → simulated failure → failover → end of the failure → failback.
  const { announce, simulate, end } = drillSteps(topology, environment);
  const ended = { ...end, dependsOn: outEnd ? [outEnd] : [simulate.id] };
  return [
    announce,
    simulate,
    ...out.map((step) => (step.dependsOn.length === 0 ? { ...step, dependsOn: [simulate.id] } : step)),
    ended,
    ...back.map((step) => (step.id === 'failback/check-target' ? { ...step, dependsOn: [ended.id] } : step)),
  ];
}

/**
 * The exact steps of a failover (primary → secondary), a failback (back to primary), a drill
 * (a failover, validated, then a failback; with `options.environment`, announced and started by a
 * simulated failure of the primary) or a storage-account failover (one step, to the secondary),
 * with their dependencies: independent steps run in parallel.
 */
export function buildChangePlan(kind: ChangeKind, topology: PlanTopology, options: PlanOptions = {}): ChangePlan {
  if (kind === 'storage-failover') {
    if (!topology.storageFailover) throw new ExpectedFailure('storage-account failover is off: turn on runbooks.optionalSteps.storageAccountFailover in the configuration', 'not-enabled');
    const [fromName, toName] = [topology.regions.primary.name, topology.regions.secondary.name];
    return { kind, fromRegion: fromName, toRegion: toName, steps: [storageFailoverStep(topology.storageFailover, fromName, toName)] };
  }
  const from: Side = kind === 'failback' ? 'secondary' : 'primary';
  const to = other(from);
  const steps = kind === 'drill' ? drillPlanSteps(topology, options.environment) : moveServing(topology, from, to, '');
  return { kind, fromRegion: topology.regions[from].name, toRegion: topology.regions[to].name, steps };
}
