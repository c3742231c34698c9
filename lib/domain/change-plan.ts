/** What a change request asks for. A storage-account failover needs its own approval (the DR plan), so it is its own kind. */
export const CHANGE_KINDS = ['failover', 'failback', 'drill', 'storage-failover'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Everything a runbook knows how to do; issue-by-issue, the runbook engine executes each. */
export type PlanAction =
  | 'check-health'
  | 'scale-node-pool'
  | 'restore-qdrant-collection'
  | 'snapshot-qdrant-collection'
  | 'restore-redis'
  | 'switch-route'
  | 'set-origin-weights'
  | 'validate-serving'
  | 'switch-openai-endpoint'
  | 'failover-storage-account'
  | 'announce-drill'
  | 'simulate-region-failure'
  | 'end-region-failure';

export type PlanParams = Record<string, string | number | boolean>;

/** One step: exact target and parameters, in plain language too, and what it waits for. */
export type PlanStep = {
  id: string;
  action: PlanAction;
  title: string;
  target: string;
  params: PlanParams;
  dependsOn: string[];
  /** A failed optional step leaves the run degraded instead of failed (the plan allows running without cache). */
  optional: boolean;
  estimateMinutes: number;
};

/** The plan approvers approve: its sha256 digest binds their approvals. Holds no clock-dependent facts. */
export type ChangePlan = { kind: ChangeKind; fromRegion: string; toRegion: string; steps: PlanStep[] };
