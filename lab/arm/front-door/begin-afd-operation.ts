import type { ArmRequest } from '../arm-handler';
import type { ArmResponse } from '../arm-response';
import type { AfdProvisioningState, OperationTarget } from '../arm-state';
import { operationHeaders, operationUrls } from '../operations/operation-urls';

type Busy = { provisioningState: AfdProvisioningState; operationId?: string };

/**
 * Starts a Front Door write as Microsoft.Cdn does: the resource shows Creating/Updating/Deleting,
 * the answer carries Azure-AsyncOperation and Location, and the change reaches the data plane
 * when the operation succeeds (after lroDelayMs).
 */
export async function beginAfdOperation(
  request: ArmRequest,
  record: Busy,
  target: Extract<OperationTarget, { kind: 'afd' }>,
  resourceGroup: string,
  answer: (headers: Record<string, string>) => ArmResponse,
): Promise<ArmResponse> {
  const { store, settings } = request;
  const operation = store.startOperation('Microsoft.Cdn', target, settings.lroDelayMs);
  record.provisioningState = target.action === 'create' ? 'Creating' : target.action === 'delete' ? 'Deleting' : 'Updating';
  record.operationId = operation.id;
  await store.commit();
  const urls = operationUrls(request.baseUrl, operation, { subscriptionId: store.state.subscriptionId, resourceGroup, location: 'global' }, request.apiVersion);
  return answer(operationHeaders(urls));
}
