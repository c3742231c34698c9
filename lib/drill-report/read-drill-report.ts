import type { DbTx } from '@/lib/db/client';
import { readDrillReportFacts } from '@/lib/db/drill-report/read-drill-report-facts';
import type { Objectives } from '@/lib/domain/drill-criteria';
import { buildDrillReport } from './build-drill-report';
import type { DrillReport } from './drill-report';

/** A drill's report from the database alone; null for an unknown drill. */
export async function readDrillReport(db: DbTx, drillId: string, objectives: Objectives, now = new Date()): Promise<DrillReport | null> {
  const facts = await readDrillReportFacts(db, drillId);
  return facts ? buildDrillReport(facts, objectives, now) : null;
}
