import { z } from 'zod';
import { ArmError } from '../arm-error';
import type { ArmRequest, ArmRoute } from '../arm-handler';
import { recordKey, type OriginGroupRecord } from '../arm-state';
import { mergePatch } from '../merge-patch';
import { parseArmBody } from '../parse-arm-body';
import { OriginGroupProperties } from './afd-properties';
import { parseOriginGroupId } from './afd-resource-ids';
import { beginAfdOperation } from './begin-afd-operation';
import { presentOriginGroup } from './present-afd-resource';
import { checkNewName, refuseWhileBusy, requireOriginGroup, requireProfile, type ProfileScope } from './require-afd-parent';

const PROFILE = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Cdn/profiles/{profileName}';
const PutBody = z.object({ properties: OriginGroupProperties.prefault({}) });
const PatchBody = z.object({ properties: z.record(z.string(), z.unknown()).optional() });

/** Defaults Microsoft.Cdn fills in when a group is created without them. */
function withDefaults(properties: OriginGroupProperties): OriginGroupProperties {
  return {
    ...properties,
    loadBalancingSettings: { sampleSize: 4, successfulSamplesRequired: 3, additionalLatencyInMilliseconds: 50, ...properties.loadBalancingSettings },
    sessionAffinityState: properties.sessionAffinityState ?? 'Disabled',
  };
}

function checkSamples(properties: OriginGroupProperties): OriginGroupProperties {
  const settings = properties.loadBalancingSettings;
  if (settings?.sampleSize !== undefined && settings.successfulSamplesRequired !== undefined && settings.successfulSamplesRequired > settings.sampleSize) {
    throw new ArmError(400, 'BadRequest', `Invalid value for property 'properties.loadBalancingSettings.successfulSamplesRequired': must not exceed sampleSize (${settings.sampleSize}).`);
  }
  return properties;
}

function routeUsing(request: ArmRequest, scope: ProfileScope, group: OriginGroupRecord): string | undefined {
  return Object.values(request.store.state.routes).find((route) => {
    const ref = parseOriginGroupId(route.properties.originGroup.id);
    return ref !== null && recordKey(ref.resourceGroup, ref.profile, ref.originGroup) === recordKey(scope.resourceGroup, scope.profile, group.name);
  })?.name;
}

export const ORIGIN_GROUP_ROUTES: ArmRoute[] = [
  {
    provider: 'Microsoft.Cdn',
    template: `${PROFILE}/originGroups`,
    methods: {
      GET: (request) => {
        const scope = requireProfile(request.store.state, request.params);
        const { state } = request.store;
        const value = Object.values(state.originGroups)
          .filter((group) => recordKey(group.resourceGroup, group.profile) === recordKey(scope.resourceGroup, scope.profile))
          .map((group) => presentOriginGroup(state.subscriptionId, group));
        return { status: 200, body: { value } };
      },
    },
  },
  {
    provider: 'Microsoft.Cdn',
    template: `${PROFILE}/originGroups/{originGroupName}`,
    methods: {
      GET: (request) => {
        const { group } = requireOriginGroup(request.store.state, request.params);
        return { status: 200, body: presentOriginGroup(request.store.state.subscriptionId, group) };
      },
      PUT: async (request) => {
        const scope = requireProfile(request.store.state, request.params);
        const { state } = request.store;
        const properties = checkSamples(withDefaults(parseArmBody(PutBody, request.body).properties));
        const key = recordKey(scope.resourceGroup, scope.profile, request.params.originGroupName ?? '');
        const existing = state.originGroups[key];
        if (existing) refuseWhileBusy(existing);
        const record: OriginGroupRecord = existing ?? { ...scope, name: checkNewName('Origin group', request.params.originGroupName ?? ''), properties, applied: null, provisioningState: 'Creating' };
        record.properties = properties;
        state.originGroups[key] = record;
        const action = existing ? 'update' : 'create';
        return beginAfdOperation(request, record, { kind: 'afd', collection: 'originGroups', key, action }, scope.resourceGroup, (headers) => ({
          status: existing ? 200 : 201,
          body: presentOriginGroup(state.subscriptionId, record),
          headers,
        }));
      },
      PATCH: async (request) => {
        const scope = requireOriginGroup(request.store.state, request.params);
        const group = scope.group;
        refuseWhileBusy(group);
        const patch = parseArmBody(PatchBody, request.body).properties ?? {};
        group.properties = checkSamples(parseArmBody(z.object({ properties: OriginGroupProperties }), { properties: mergePatch(group.properties, patch) }).properties);
        const key = recordKey(scope.resourceGroup, scope.profile, group.name);
        return beginAfdOperation(request, group, { kind: 'afd', collection: 'originGroups', key, action: 'update' }, scope.resourceGroup, (headers) => ({
          status: 202,
          body: presentOriginGroup(request.store.state.subscriptionId, group),
          headers,
        }));
      },
      DELETE: async (request) => {
        const scope = requireProfile(request.store.state, request.params);
        const key = recordKey(scope.resourceGroup, scope.profile, request.params.originGroupName ?? '');
        const group = request.store.state.originGroups[key];
        if (!group) return { status: 204 };
        refuseWhileBusy(group);
        const route = routeUsing(request, scope, group);
        if (route) throw new ArmError(409, 'Conflict', `Origin group '${group.name}' is used by route '${route}'; point the route at another origin group first.`);
        return beginAfdOperation(request, group, { kind: 'afd', collection: 'originGroups', key, action: 'delete' }, scope.resourceGroup, (headers) => ({ status: 202, headers }));
      },
    },
  },
];
