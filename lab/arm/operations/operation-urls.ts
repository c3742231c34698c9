import type { OperationRecord } from '../arm-state';

/** Where a client polls an operation: the Azure-AsyncOperation (status) and Location (result) URLs. */
export type OperationUrls = { asyncOperation: string; location: string };

/**
 * Microsoft.Cdn answers with `…/resourcegroups/{rg}/providers/Microsoft.Cdn/operationresults/{id}`
 * (as in its published examples); Microsoft.ContainerService with `…/locations/{location}/operations/{id}`.
 */
export function operationUrls(baseUrl: string, operation: OperationRecord, scope: { subscriptionId: string; resourceGroup: string; location: string }, apiVersion: string): OperationUrls {
  const query = `?api-version=${encodeURIComponent(apiVersion)}`;
  if (operation.provider === 'Microsoft.Cdn') {
    const base = `${baseUrl}/subscriptions/${scope.subscriptionId}/resourcegroups/${scope.resourceGroup}/providers/Microsoft.Cdn/operationresults/${operation.id}`;
    return { asyncOperation: `${base}${query}`, location: `${base}/result${query}` };
  }
  const base = `${baseUrl}/subscriptions/${scope.subscriptionId}/providers/Microsoft.ContainerService/locations/${scope.location}`;
  return { asyncOperation: `${base}/operations/${operation.id}${query}`, location: `${base}/operationresults/${operation.id}${query}` };
}

/** The headers of a response that started an operation. */
export function operationHeaders(urls: OperationUrls): Record<string, string> {
  return { 'azure-asyncoperation': urls.asyncOperation, location: urls.location };
}
