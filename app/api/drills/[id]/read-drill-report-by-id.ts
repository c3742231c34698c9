import { getConfig } from '@/lib/config/get-config';
import type { DrillReport } from '@/lib/drill-report/drill-report';
import { readDrillReport } from '@/lib/drill-report/read-drill-report';
import { readById } from '../../_lib/read-by-id';

/** What both report routes check and read: a session, a role that may open /drills, a UUID, a drill that exists. */
export function readDrillReportById(params: Promise<{ id: string }>): ReturnType<typeof readById<DrillReport>> {
  return readById(params, { pageHref: '/drills', noun: 'drill', read: (db, id) => readDrillReport(db, id, getConfig().objectives) });
}
