import type { DrillCriterion } from '@/lib/domain/drill-criteria';
import type { RecoveryEventView } from '@/lib/metrics/failover-metrics';
import type { DrillResult } from '@/lib/metrics/judge-drill';
import type { ControlResult } from './compliance-facts';

export const EVIDENCE_PACK_FORMAT = 'lifeboat-compliance-evidence/1';

export type DrillInPeriod = {
  id: string;
  title: string;
  state: string;
  environment: string;
  scheduledFor: string;
  requestId: string | null;
  run: { id: string; state: string; startedAt: string; finishedAt: string | null; servingAt: string | null; rtoSeconds: number | null; rpoSeconds: number | null } | null;
  /** `not-run`: the drill has no real run (scheduled, requested or cancelled). */
  result: DrillResult | 'not-run';
  criteria: DrillCriterion[];
};

export type ReplicationJobSummary = { job: string; runs: number; succeeded: number; failed: number; running: number };

/** An auditor's pack for one period: controls as of now, and what happened in the period. Times are ISO (UTC). */
export type EvidencePack = {
  format: typeof EVIDENCE_PACK_FORMAT;
  generatedAt: string;
  generatedBy: { userId: string; name: string; roles: string[] };
  /** `from` inclusive, `to` exclusive. */
  period: { from: string; to: string };
  system: { name: string; deploymentModel: string; primaryRegion: string; secondaryRegion: string; objectives: { rpoMinutes: number; rtoMinutes: number } };
  /** Judged on live evidence at `generatedAt`, not as of the period's end. */
  controls: ControlResult[];
  drills: DrillInPeriod[];
  /** Real failovers, failbacks and storage failovers started in the period (drill runs are under `drills`). */
  failovers: RecoveryEventView[];
  replication: { totalRuns: number; jobs: ReplicationJobSummary[] };
  audit: {
    eventsInPeriod: number;
    chain: { ok: boolean; checkedEvents: number; firstBreak: { seq: string; reason: string; detail: string } | null; verifiedAt: string };
    /** This export's own audit event. */
    exportEvent: { seq: string; hash: string };
  };
};
