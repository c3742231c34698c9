import type { PlanStep } from './change-plan';
import { ExpectedFailure } from './errors';

/** Where a drill's failure is simulated: `lab` (the lab's region-down fault) or a named environment (Front Door). */
export const LAB_ENVIRONMENT = 'lab';

/** The slice of the topology the drill's own steps need. */
export type DrillTopology = {
  regions: { primary: { name: string } };
  frontDoor: { profile: string; originGroups: { primary: string }; origins: { primary: { name: string } } };
  /** Config lab.controlUrl: the lab control API the region-down fault is posted to. */
  labControlUrl?: string;
};

export type DrillSteps = { announce: PlanStep; simulate: PlanStep; end: PlanStep };

function failureParams(t: DrillTopology, environment: string, down: boolean): Pick<PlanStep, 'title' | 'target' | 'params'> {
  const primary = t.regions.primary.name;
  // Case-blind: a drill stored as `Lab` before inputs were lower-cased must still get the lab fault.
  if (environment.toLowerCase() === LAB_ENVIRONMENT) {
    if (!t.labControlUrl) throw new ExpectedFailure('A lab drill needs the lab control API: set lab.controlUrl in the configuration.', 'not-configured');
    const fault = down ? 'region-down' : 'region-up';
    return {
      title: down
        ? `Simulate the loss of ${primary}: the lab's region-down fault for the primary (POST ${t.labControlUrl}/faults)`
        : `End the simulated failure: the lab's region-up for ${primary} (POST ${t.labControlUrl}/faults)`,
      target: `lab/region/primary`,
      params: { environment, method: 'lab-fault', fault, region: 'primary', regionName: primary, controlUrl: t.labControlUrl },
    };
  }
  const { profile, originGroups, origins } = t.frontDoor;
  const enabledState = down ? 'Disabled' : 'Enabled';
  // Approvers must see exactly which configured origin this touches: it is the real primary's.
  const origin = `Front Door profile ${profile}, origin group ${originGroups.primary}, origin ${origins.primary.name}`;
  return {
    title: down
      ? `Simulate the loss of ${primary} in ${environment}: ${origin} → Disabled (the configured primary origin stops serving)`
      : `End the simulated failure in ${environment}: ${origin} → Enabled again`,
    target: `frontdoor/${originGroups.primary}/${origins.primary.name}`,
    params: { environment, method: 'origin-state', enabledState, region: 'primary', regionName: primary, profile, originGroup: originGroups.primary, origin: origins.primary.name },
  };
}

/**
 * A drill's own steps around its failover and failback: announce it, simulate the primary's
 * failure (the RTO and RPO are measured from it), and end that failure before failing back.
 */
export function drillSteps(t: DrillTopology, environment: string): DrillSteps {
  const announce: PlanStep = {
    id: 'announce-drill',
    action: 'announce-drill',
    title: `Announce the drill (${environment}) to its participants and the notification targets: it starts now`,
    target: `drill/${environment}`,
    params: { environment },
    dependsOn: [],
    optional: false,
    estimateMinutes: 1,
  };
  const simulate: PlanStep = { id: 'simulate-region-failure', action: 'simulate-region-failure', ...failureParams(t, environment, true), dependsOn: [announce.id], optional: false, estimateMinutes: 1 };
  const end: PlanStep = { id: 'end-region-failure', action: 'end-region-failure', ...failureParams(t, environment, false), dependsOn: [], optional: false, estimateMinutes: 1 };
  return { announce, simulate, end };
}

/** The environment a drill plan simulates its failure in, or null for a plan without one. */
export function drillEnvironmentOf(plan: { steps: readonly PlanStep[] }): string | null {
  const environment = plan.steps.find((step) => step.action === 'simulate-region-failure')?.params.environment;
  return typeof environment === 'string' ? environment : null;
}
