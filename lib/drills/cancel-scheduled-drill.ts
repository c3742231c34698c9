import type { DbTx } from '@/lib/db/client';
import { cancelDrill } from '@/lib/db/drills/cancel-drill';
import { readDrill } from '@/lib/db/drills/read-drill';
import { ExpectedFailure } from '@/lib/domain/errors';

/** Cancels a drill before its run is requested; after that, the request is cancelled on its own page. */
export async function cancelScheduledDrill(tx: DbTx, drillId: string, now = new Date()): Promise<{ title: string }> {
  const drill = await readDrill(tx, drillId, { lock: true });
  if (!drill) throw new ExpectedFailure(`No drill ${drillId}.`, 'not-found');
  if (!(await cancelDrill(tx, drillId, 'scheduled', now))) throw new ExpectedFailure(`The drill is ${drill.state}: only a scheduled drill can be cancelled here.`, 'not-scheduled');
  return { title: drill.title };
}
