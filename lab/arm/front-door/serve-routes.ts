import { z } from 'zod';
import { ArmError, resourceNotFound } from '../arm-error';
import type { ArmRoute } from '../arm-handler';
import { recordKey, type ArmState, type RouteRecord } from '../arm-state';
import { mergePatch } from '../merge-patch';
import { parseArmBody } from '../parse-arm-body';
import { RouteProperties } from './afd-properties';
import { parseOriginGroupId } from './afd-resource-ids';
import { beginAfdOperation } from './begin-afd-operation';
import { presentRoute } from './present-afd-resource';
import { checkNewName, refuseWhileBusy, requireEndpoint, type ProfileScope } from './require-afd-parent';

const ENDPOINT = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Cdn/profiles/{profileName}/afdEndpoints/{endpointName}';
const PutBody = z.object({ properties: RouteProperties });
const PatchBody = z.object({ properties: z.record(z.string(), z.unknown()).optional() });

/** Defaults from the contract, filled in when a route is created without them. */
function withDefaults(properties: RouteProperties): RouteProperties {
  return {
    customDomains: [],
    ruleSets: [],
    supportedProtocols: ['Http', 'Https'],
    patternsToMatch: ['/*'],
    forwardingProtocol: 'MatchRequest',
    linkToDefaultDomain: 'Disabled',
    httpsRedirect: 'Disabled',
    enabledState: 'Enabled',
    ...properties,
  };
}

/** A route may only point at an origin group of its own profile that exists; the lab has no custom domains or rule sets. */
function checkReferences(state: ArmState, scope: ProfileScope, properties: RouteProperties): RouteProperties {
  const id = properties.originGroup.id;
  const ref = parseOriginGroupId(id);
  const sameProfile = ref !== null && ref.subscriptionId.toLowerCase() === state.subscriptionId.toLowerCase() && recordKey(ref.resourceGroup, ref.profile) === recordKey(scope.resourceGroup, scope.profile);
  const group = ref && sameProfile ? state.originGroups[recordKey(ref.resourceGroup, ref.profile, ref.originGroup)] : undefined;
  if (!group || group.provisioningState === 'Deleting') {
    throw new ArmError(400, 'InvalidResource', `The origin group '${id}' referenced by the route does not exist in profile '${scope.profile}'.`);
  }
  const missing = [...(properties.customDomains ?? []), ...(properties.ruleSets ?? [])][0];
  if (missing) throw new ArmError(400, 'InvalidResource', `The resource '${missing.id}' referenced by the route does not exist.`);
  return properties;
}

export const ROUTE_ROUTES: ArmRoute[] = [
  {
    provider: 'Microsoft.Cdn',
    template: `${ENDPOINT}/routes`,
    methods: {
      GET: (request) => {
        const scope = requireEndpoint(request.store.state, request.params);
        const { state } = request.store;
        const value = Object.values(state.routes)
          .filter((route) => recordKey(route.resourceGroup, route.profile, route.endpoint) === recordKey(scope.resourceGroup, scope.profile, scope.endpoint))
          .map((route) => presentRoute(state.subscriptionId, route));
        return { status: 200, body: { value } };
      },
    },
  },
  {
    provider: 'Microsoft.Cdn',
    template: `${ENDPOINT}/routes/{routeName}`,
    methods: {
      GET: (request) => {
        const scope = requireEndpoint(request.store.state, request.params);
        const route = request.store.state.routes[recordKey(scope.resourceGroup, scope.profile, scope.endpoint, request.params.routeName ?? '')];
        if (!route) throw resourceNotFound('Microsoft.Cdn/profiles/afdEndpoints/routes', request.params.routeName ?? '', `endpoint '${scope.endpoint}'`);
        return { status: 200, body: presentRoute(request.store.state.subscriptionId, route) };
      },
      PUT: async (request) => {
        const scope = requireEndpoint(request.store.state, request.params);
        const { state } = request.store;
        const properties = checkReferences(state, scope, withDefaults(parseArmBody(PutBody, request.body).properties));
        const key = recordKey(scope.resourceGroup, scope.profile, scope.endpoint, request.params.routeName ?? '');
        const existing = state.routes[key];
        if (existing) refuseWhileBusy(existing);
        const record: RouteRecord = existing ?? { ...scope, name: checkNewName('Route', request.params.routeName ?? ''), properties, applied: null, provisioningState: 'Creating' };
        record.properties = properties;
        state.routes[key] = record;
        return beginAfdOperation(request, record, { kind: 'afd', collection: 'routes', key, action: existing ? 'update' : 'create' }, scope.resourceGroup, (headers) => ({
          status: existing ? 200 : 201,
          body: presentRoute(state.subscriptionId, record),
          headers,
        }));
      },
      PATCH: async (request) => {
        const scope = requireEndpoint(request.store.state, request.params);
        const { state } = request.store;
        const key = recordKey(scope.resourceGroup, scope.profile, scope.endpoint, request.params.routeName ?? '');
        const route = state.routes[key];
        if (!route) throw resourceNotFound('Microsoft.Cdn/profiles/afdEndpoints/routes', request.params.routeName ?? '', `endpoint '${scope.endpoint}'`);
        refuseWhileBusy(route);
        const patch = parseArmBody(PatchBody, request.body).properties ?? {};
        route.properties = checkReferences(state, scope, parseArmBody(PutBody, { properties: mergePatch(route.properties, patch) }).properties);
        return beginAfdOperation(request, route, { kind: 'afd', collection: 'routes', key, action: 'update' }, scope.resourceGroup, (headers) => ({
          status: 202,
          body: presentRoute(state.subscriptionId, route),
          headers,
        }));
      },
      DELETE: async (request) => {
        const scope = requireEndpoint(request.store.state, request.params);
        const key = recordKey(scope.resourceGroup, scope.profile, scope.endpoint, request.params.routeName ?? '');
        const route = request.store.state.routes[key];
        if (!route) return { status: 204 };
        refuseWhileBusy(route);
        return beginAfdOperation(request, route, { kind: 'afd', collection: 'routes', key, action: 'delete' }, scope.resourceGroup, (headers) => ({ status: 202, headers }));
      },
    },
  },
];
