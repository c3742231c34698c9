import type { NextRequest } from 'next/server';
import { getConfig } from '@/lib/config/get-config';
import { readRunView } from '@/lib/run-view/read-run-view';
import { answerFailoversRead } from '../../_lib/answer-failovers-read';

export const dynamic = 'force-dynamic';

/** One runbook run for its live view: steps, measured RTO/RPO and audit trail, from the database alone. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return answerFailoversRead(params, 'runbook run', (db, id) => readRunView(db, id, getConfig().objectives));
}
