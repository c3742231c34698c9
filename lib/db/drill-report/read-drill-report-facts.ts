import { parseFollowUps } from '@/lib/domain/follow-up';
import { toChangeRequestRecord, WITH_HISTORY } from '../approvals/change-request-record';
import type { DbTx, Prisma } from '../client';
import { DRILL_VERDICT_RUN_SELECT, REAL_RUN, realRunOf, toDrillRun } from '../drills/real-run';
import { toMeasuredRun } from '../runbooks/measured-run-record';
import type { DrillReportFacts, PreviousDrillRecord } from './drill-report-facts';

/** How many earlier drills the comparison shows: a few years of quarterly drills. */
export const PREVIOUS_DRILLS_SHOWN = 12;

const PREVIOUS = {
  participants: { select: { userName: true, confirmedAt: true }, orderBy: { id: 'asc' } },
  // Only the smoke-test steps: the earlier drills' verdicts need nothing else from their runs.
  request: { select: { runbookRuns: { ...REAL_RUN, select: DRILL_VERDICT_RUN_SELECT } } },
} satisfies Prisma.DrillInclude;

function toPrevious(row: Prisma.DrillGetPayload<{ include: typeof PREVIOUS }>): PreviousDrillRecord[] {
  const run = realRunOf(row.request);
  return run ? [{ id: row.id, title: row.title, scheduledFor: row.scheduledFor, participants: row.participants, run: toDrillRun(run) }] : [];
}

/** One drill with its participants, its change request (decisions), its real run with every step, and the drills that ran before it; null for an unknown id. */
export async function readDrillReportFacts(db: DbTx, id: string): Promise<DrillReportFacts | null> {
  const row = await db.drill.findUnique({
    where: { id },
    include: {
      participants: { orderBy: { id: 'asc' } },
      request: { include: { ...WITH_HISTORY, runbookRuns: { ...REAL_RUN, include: { steps: { orderBy: { id: 'asc' } } } } } },
    },
  });
  if (!row) return null;
  const previous = await db.drill.findMany({
    where: { id: { not: row.id }, scheduledFor: { lt: row.scheduledFor }, request: { runbookRuns: { some: { dryRun: false } } } },
    orderBy: [{ scheduledFor: 'desc' }, { id: 'desc' }],
    take: PREVIOUS_DRILLS_SHOWN,
    include: PREVIOUS,
  });
  const run = realRunOf(row.request);
  // The runs travel separately: the request record holds only its decisions and transitions.
  const request = row.request ? (({ runbookRuns: _runs, ...rest }) => rest)(row.request) : null;
  return {
    drill: {
      id: row.id,
      title: row.title,
      environment: row.environment,
      scheduledFor: row.scheduledFor,
      state: row.state,
      createdByName: row.createdByName,
      createdAt: row.createdAt,
      lessonsLearned: row.lessonsLearned,
      followUps: parseFollowUps(row.followUps),
      participants: row.participants.map((p) => ({ userId: p.userId, userName: p.userName, role: p.role, confirmedAt: p.confirmedAt, comment: p.comment })),
    },
    request: request ? toChangeRequestRecord(request) : null,
    run: run ? toMeasuredRun(run) : null,
    previous: previous.flatMap(toPrevious),
  };
}
