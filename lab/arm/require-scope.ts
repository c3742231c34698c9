import { ArmError } from './arm-error';
import type { ArmState } from './arm-state';

/** The subscription and resource group of a request, checked as ARM checks them before the provider sees it. */
export function requireResourceGroup(state: ArmState, subscriptionId: string | undefined, resourceGroupName: string | undefined): string {
  requireSubscription(state, subscriptionId);
  const group = state.resourceGroups.find((candidate) => candidate.name.toLowerCase() === (resourceGroupName ?? '').toLowerCase());
  if (!group) throw new ArmError(404, 'ResourceGroupNotFound', `Resource group '${resourceGroupName ?? ''}' could not be found.`);
  return group.name;
}

export function requireSubscription(state: ArmState, subscriptionId: string | undefined): void {
  if ((subscriptionId ?? '').toLowerCase() !== state.subscriptionId.toLowerCase()) {
    throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId ?? ''}' could not be found.`);
  }
}
