import type { FollowUp } from '@/lib/domain/follow-up';
import type { ChangeRequestRecord } from '../approvals/change-request-record';
import type { DrillParticipantRecord, DrillRunRecord } from '../drills/drill-record';
import type { MeasuredRunRecord } from '../runbooks/measured-run-record';

/** The drill as its report shows it: with lessons learned and follow-ups, without the workflow's fields. */
export type ReportedDrillRecord = {
  id: string;
  title: string;
  environment: string;
  scheduledFor: Date;
  state: string;
  createdByName: string;
  createdAt: Date;
  lessonsLearned: string;
  followUps: FollowUp[];
  participants: DrillParticipantRecord[];
};

/** An earlier drill as the comparison needs it: its real run's measurements and the evidence for its verdict (smoke-test steps only). */
export type PreviousDrillRecord = {
  id: string;
  title: string;
  scheduledFor: Date;
  participants: { userName: string; confirmedAt: Date | null }[];
  run: DrillRunRecord;
};

/** Everything a drill report is built from, read at once: the drill, its request, its real run, and the drills before it. */
export type DrillReportFacts = {
  drill: ReportedDrillRecord;
  request: ChangeRequestRecord | null;
  /** The request's real run (never a dry run); null until the drill executed. */
  run: MeasuredRunRecord | null;
  /** Earlier drills that ran, newest first. */
  previous: PreviousDrillRecord[];
};
