import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import type { DrillWithRun } from '@/lib/db/metrics/drill-with-run';
import type { ControlResult } from './compliance-facts';
import { evaluateControls } from './evaluate-controls';
import { readComplianceFacts } from './read-compliance-facts';

/** What the Compliance page and the evidence pack show: the four controls judged on live facts now. */
export async function readComplianceControls(db: Db, config: LifeboatConfig, now = new Date(), drillsRead?: Promise<DrillWithRun[]>): Promise<ControlResult[]> {
  return evaluateControls(await readComplianceFacts(db, config, now, drillsRead));
}
