export const DRILL_STATES = ['scheduled', 'requested', 'ran', 'cancelled'] as const;
export type DrillState = (typeof DRILL_STATES)[number];

export type DrillParticipantRecord = { userId: string; userName: string; role: string; confirmedAt: Date | null; comment: string | null };

/** The drill request's real run (never a dry run) with what the success criteria read; servingAt dates the result. */
export type DrillRunRecord = {
  id: string;
  state: string;
  startedAt: Date;
  finishedAt: Date | null;
  servingAt: Date | null;
  rtoSeconds: number | null;
  rpoSeconds: number | null;
  steps: { stepId: string; action: string; state: string; output: Record<string, unknown> | null; error: string | null }[];
};

export type DrillRecord = {
  id: string;
  title: string;
  scheduledFor: Date;
  environment: string;
  state: DrillState;
  createdById: string;
  createdByName: string;
  createdAt: Date;
  reminderSentAt: Date | null;
  requestId: string | null;
  request: { id: string; state: string } | null;
  run: DrillRunRecord | null;
  participants: DrillParticipantRecord[];
};
