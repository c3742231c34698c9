import type { DrillRunRecord } from '../drills/drill-record';

/** A drill with what it is judged on: its real run (null until it executes) and its participants. */
export type DrillWithRun = {
  id: string;
  title: string;
  state: string;
  environment: string;
  scheduledFor: Date;
  requestId: string | null;
  run: DrillRunRecord | null;
  participants: { userName: string; confirmedAt: Date | null }[];
};
