import type { DrillRecord } from './drill-record';
import { DRILL_RUN_SELECT, REAL_RUN, realRunOf, toDrillRun, type DrillRunRow } from './real-run';

/** What every drill read includes: participants in the order chosen, the request and its first real run with steps. */
export const DRILL_INCLUDE = {
  participants: { orderBy: { id: 'asc' as const } },
  request: {
    select: {
      id: true,
      state: true,
      runbookRuns: { ...REAL_RUN, select: DRILL_RUN_SELECT },
    },
  },
};

type DrillRow = Omit<DrillRecord, 'state' | 'request' | 'run'> & { state: string; request: { id: string; state: string; runbookRuns: DrillRunRow[] } | null };

export function toDrillRecord(row: DrillRow): DrillRecord {
  const run = realRunOf(row.request);
  return {
    id: row.id,
    title: row.title,
    scheduledFor: row.scheduledFor,
    environment: row.environment,
    state: row.state as DrillRecord['state'],
    createdById: row.createdById,
    createdByName: row.createdByName,
    createdAt: row.createdAt,
    reminderSentAt: row.reminderSentAt,
    requestId: row.requestId,
    request: row.request ? { id: row.request.id, state: row.request.state } : null,
    run: run ? toDrillRun(run) : null,
    participants: row.participants.map((p) => ({ userId: p.userId, userName: p.userName, role: p.role, confirmedAt: p.confirmedAt, comment: p.comment })),
  };
}
