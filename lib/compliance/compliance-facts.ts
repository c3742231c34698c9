import type { DeploymentModel } from '@/lib/config/schema';
import type { ProbeResult } from '@/lib/domain/probe-results';
import type { JudgedDrill } from '@/lib/metrics/judge-drill';

export type EvidenceStatus = 'pass' | 'fail' | 'unknown';
export const CONTROL_IDS = ['CP-6', 'CP-7', 'CP-9', 'CP-10'] as const;
export type ControlId = (typeof CONTROL_IDS)[number];

/** One observed fact behind a control, with its own verdict; `href` opens where it comes from. */
export type EvidenceItem = { id: string; label: string; status: EvidenceStatus; detail: string; observedAt: string | null; href: string | null };
export type ControlResult = { id: ControlId; title: string; requirement: string; status: EvidenceStatus; summary: string; evidence: EvidenceItem[] };

/** A run's outcome as evidence: when, how it ended, and why it failed. */
export type Attempt = { state: string; at: Date; error: string | null };

/** One protected data set's backups: the newest verified copy in Blob, and the newest restore that proved one. */
export type DataSetBackup = {
  dataSet: string;
  label: string;
  /** The newest backup with a verified checksum in Blob; `takenAt` is when its data was captured. */
  newest: { takenAt: Date; finishedAt: Date; runId: string; detail: string } | null;
  newestAttempt: Attempt | null;
  /** How its backups are proved to restore (e.g. into the secondary with points counted). */
  verificationMethod: string;
  verification: { at: Date; runId: string; detail: string } | null;
  verificationAttempt: Attempt | null;
};

/** Everything the four controls are judged from, read live from the database (lib/compliance/read-compliance-facts). */
export type ComplianceFacts = {
  now: Date;
  objectives: { rpoMinutes: number; rtoMinutes: number };
  deploymentModel: DeploymentModel;
  probeIntervalSeconds: number;
  regions: { primary: { name: string; label: string }; secondary: { name: string; label: string } };
  secondaryAks: { cluster: string; nodePool: string; standbyNodeCount: number; productionNodeCount: number };
  storageAccount: string;
  /** The newest probe of each component, region and target. */
  latest: readonly ProbeResult[];
  backups: readonly DataSetBackup[];
  /** The newest drill whose real run has finished, judged by the plan's criteria. */
  newestDrill: JudgedDrill | null;
};
