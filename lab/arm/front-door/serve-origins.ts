import { z } from 'zod';
import { resourceNotFound } from '../arm-error';
import type { ArmRoute } from '../arm-handler';
import { recordKey, type OriginRecord } from '../arm-state';
import { mergePatch } from '../merge-patch';
import { parseArmBody } from '../parse-arm-body';
import { OriginProperties } from './afd-properties';
import { beginAfdOperation } from './begin-afd-operation';
import { presentOrigin } from './present-afd-resource';
import { checkNewName, refuseWhileBusy, requireOriginGroup } from './require-afd-parent';

const GROUP = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Cdn/profiles/{profileName}/originGroups/{originGroupName}';
const PutBody = z.object({ properties: OriginProperties });
const PatchBody = z.object({ properties: z.record(z.string(), z.unknown()).optional() });

/** Defaults Microsoft.Cdn fills in when an origin is created without them. */
function withDefaults(properties: OriginProperties): OriginProperties {
  return { httpPort: 80, httpsPort: 443, enabledState: 'Enabled', enforceCertificateNameCheck: true, ...properties };
}

export const ORIGIN_ROUTES: ArmRoute[] = [
  {
    provider: 'Microsoft.Cdn',
    template: `${GROUP}/origins`,
    methods: {
      GET: (request) => {
        const { resourceGroup, profile, group } = requireOriginGroup(request.store.state, request.params);
        const { state } = request.store;
        const value = Object.values(state.origins)
          .filter((origin) => recordKey(origin.resourceGroup, origin.profile, origin.originGroup) === recordKey(resourceGroup, profile, group.name))
          .map((origin) => presentOrigin(state.subscriptionId, origin));
        return { status: 200, body: { value } };
      },
    },
  },
  {
    provider: 'Microsoft.Cdn',
    template: `${GROUP}/origins/{originName}`,
    methods: {
      GET: (request) => {
        const { resourceGroup, profile, group } = requireOriginGroup(request.store.state, request.params);
        const origin = request.store.state.origins[recordKey(resourceGroup, profile, group.name, request.params.originName ?? '')];
        if (!origin) throw resourceNotFound('Microsoft.Cdn/profiles/originGroups/origins', request.params.originName ?? '', `origin group '${group.name}'`);
        return { status: 200, body: presentOrigin(request.store.state.subscriptionId, origin) };
      },
      PUT: async (request) => {
        const { resourceGroup, profile, group } = requireOriginGroup(request.store.state, request.params);
        const { state } = request.store;
        const properties = withDefaults(parseArmBody(PutBody, request.body).properties);
        const key = recordKey(resourceGroup, profile, group.name, request.params.originName ?? '');
        const existing = state.origins[key];
        if (existing) refuseWhileBusy(existing);
        const record: OriginRecord = existing ?? {
          resourceGroup,
          profile,
          originGroup: group.name,
          name: checkNewName('Origin', request.params.originName ?? ''),
          properties,
          applied: null,
          provisioningState: 'Creating',
        };
        record.properties = properties;
        state.origins[key] = record;
        return beginAfdOperation(request, record, { kind: 'afd', collection: 'origins', key, action: existing ? 'update' : 'create' }, resourceGroup, (headers) => ({
          status: existing ? 200 : 201,
          body: presentOrigin(state.subscriptionId, record),
          headers,
        }));
      },
      PATCH: async (request) => {
        const { resourceGroup, profile, group } = requireOriginGroup(request.store.state, request.params);
        const key = recordKey(resourceGroup, profile, group.name, request.params.originName ?? '');
        const origin = request.store.state.origins[key];
        if (!origin) throw resourceNotFound('Microsoft.Cdn/profiles/originGroups/origins', request.params.originName ?? '', `origin group '${group.name}'`);
        refuseWhileBusy(origin);
        const patch = parseArmBody(PatchBody, request.body).properties ?? {};
        origin.properties = parseArmBody(PutBody, { properties: mergePatch(origin.properties, patch) }).properties;
        return beginAfdOperation(request, origin, { kind: 'afd', collection: 'origins', key, action: 'update' }, resourceGroup, (headers) => ({
          status: 202,
          body: presentOrigin(request.store.state.subscriptionId, origin),
          headers,
        }));
      },
      DELETE: async (request) => {
        const { resourceGroup, profile, group } = requireOriginGroup(request.store.state, request.params);
        const key = recordKey(resourceGroup, profile, group.name, request.params.originName ?? '');
        const origin = request.store.state.origins[key];
        if (!origin) return { status: 204 };
        refuseWhileBusy(origin);
        return beginAfdOperation(request, origin, { kind: 'afd', collection: 'origins', key, action: 'delete' }, resourceGroup, (headers) => ({ status: 202, headers }));
      },
    },
  },
];
