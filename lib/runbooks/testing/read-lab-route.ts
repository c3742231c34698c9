import type { ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { createArmClients } from '../steps/create-arm-clients';
import { armOperations, labOptions } from '../steps/lab-step-fixtures';
import { readRoute } from '../steps/point-route';

/** Tests: the Front Door route's origin group now, and how many writes of the route ARM has accepted so far. */
export async function readLabRoute(lab: ProbeLab): Promise<{ originGroup: string; writes: number }> {
  const { route } = lab.config.components.frontDoor;
  const { cdn } = createArmClients(lab.config, labOptions(lab));
  const now = await readRoute(cdn, lab.config, route, AbortSignal.timeout(30_000));
  const writes = (await armOperations(lab)).filter((op) => op.target.kind === 'afd' && op.target.key.endsWith(`/${route}`)).length;
  return { originGroup: now.originGroup, writes };
}
