import { ArmError, resourceNotFound } from '../arm-error';
import type { ArmState, OriginGroupRecord } from '../arm-state';
import { recordKey } from '../arm-state';
import { requireResourceGroup } from '../require-scope';

export type ProfileScope = { resourceGroup: string; profile: string };

/** The profile a Front Door request addresses, with the names' stored casing. */
export function requireProfile(state: ArmState, params: Record<string, string>): ProfileScope {
  const resourceGroup = requireResourceGroup(state, params.subscriptionId, params.resourceGroupName);
  const profileName = params.profileName ?? '';
  if (!/^[a-zA-Z0-9]+(-*[a-zA-Z0-9])*$/.test(profileName) || profileName.length > 260) {
    throw new ArmError(400, 'BadRequest', `Profile name '${profileName}' is invalid: letters, digits and hyphens, starting and ending with a letter or digit.`);
  }
  const profile = state.profiles.find((candidate) => candidate.resourceGroup.toLowerCase() === resourceGroup.toLowerCase() && candidate.name.toLowerCase() === profileName.toLowerCase());
  if (!profile) throw resourceNotFound('Microsoft.Cdn/profiles', profileName, `resource group '${resourceGroup}'`);
  return { resourceGroup, profile: profile.name };
}

export function requireEndpoint(state: ArmState, params: Record<string, string>): ProfileScope & { endpoint: string } {
  const scope = requireProfile(state, params);
  const endpointName = params.endpointName ?? '';
  const endpoint = state.endpoints.find(
    (candidate) => recordKey(candidate.resourceGroup, candidate.profile, candidate.name) === recordKey(scope.resourceGroup, scope.profile, endpointName),
  );
  if (!endpoint) throw resourceNotFound('Microsoft.Cdn/profiles/afdEndpoints', endpointName, `profile '${scope.profile}'`);
  return { ...scope, endpoint: endpoint.name };
}

export function requireOriginGroup(state: ArmState, params: Record<string, string>): ProfileScope & { group: OriginGroupRecord } {
  const scope = requireProfile(state, params);
  const groupName = params.originGroupName ?? '';
  const group = state.originGroups[recordKey(scope.resourceGroup, scope.profile, groupName)];
  if (!group) throw resourceNotFound('Microsoft.Cdn/profiles/originGroups', groupName, `profile '${scope.profile}'`);
  return { ...scope, group };
}

/** One change at a time per resource, as the resource provider enforces. */
export function refuseWhileBusy(record: { operationId?: string; name: string }): void {
  if (record.operationId) {
    throw new ArmError(409, 'AnotherOperationInProgress', `Another operation is in progress on '${record.name}'; retry once it has finished.`);
  }
}

/** Names of new Front Door child resources: letters, digits and hyphens, starting and ending with a letter or digit. */
export function checkNewName(kind: string, name: string): string {
  if (!/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,88}[a-zA-Z0-9])?$/.test(name)) {
    throw new ArmError(400, 'BadRequest', `${kind} name '${name}' is invalid: 1-90 letters, digits and hyphens, starting and ending with a letter or digit.`);
  }
  return name;
}
