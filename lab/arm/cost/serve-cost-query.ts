import { randomUUID } from 'node:crypto';
import { ArmError } from '../arm-error';
import type { ArmRequest, ArmRoute } from '../arm-handler';
import { recordKey } from '../arm-state';
import { costLinesForDay } from '../cost-model';
import { parseArmBody } from '../parse-arm-body';
import { requireResourceGroup, requireSubscription } from '../require-scope';
import { buildQueryRows, type DatedLine } from './build-query-rows';
import { QueryDefinition } from './query-definition';
import { resolveTimePeriod } from './resolve-time-period';

/** Cost Management's Query - Usage, at subscription or resource group scope. */
function answerQuery(request: ArmRequest, resourceGroup: string | undefined) {
  const { state } = request.store;
  const query = parseArmBody(QueryDefinition, request.body);
  const { config } = request.settings;
  const poolOf = (role: 'primary' | 'secondary') => {
    const aks = config.components.aks[role];
    return state.agentPools[recordKey(aks.resourceGroup, aks.cluster, aks.nodePool)];
  };
  const pools = { primary: poolOf('primary'), secondary: poolOf('secondary') };
  const now = new Date();
  const lines: DatedLine[] = resolveTimePeriod(query, now).flatMap((day) =>
    costLinesForDay({ config, pools }, day, now)
      .filter((line) => resourceGroup === undefined || line.resourceGroup === resourceGroup.toLowerCase())
      .map((line) => ({ ...line, day })),
  );
  const { columns, rows } = buildQueryRows(query, lines);
  const scope = `subscriptions/${state.subscriptionId}${resourceGroup ? `/resourcegroups/${resourceGroup}` : ''}`;
  const name = randomUUID();
  return {
    status: 200,
    body: { id: `${scope}/providers/Microsoft.CostManagement/query/${name}`, name, type: 'Microsoft.CostManagement/query', location: null, sku: null, eTag: null, properties: { nextLink: null, columns, rows } },
  };
}

function requireBody(request: ArmRequest): void {
  if (request.body === undefined) throw new ArmError(400, 'BadRequest', 'The query definition (request body) is required.');
}

export const COST_ROUTES: ArmRoute[] = [
  {
    provider: 'Microsoft.CostManagement',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.CostManagement/query',
    methods: {
      POST: (request) => {
        requireSubscription(request.store.state, request.params.subscriptionId);
        requireBody(request);
        return answerQuery(request, undefined);
      },
    },
  },
  {
    provider: 'Microsoft.CostManagement',
    template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.CostManagement/query',
    methods: {
      POST: (request) => {
        const resourceGroup = requireResourceGroup(request.store.state, request.params.subscriptionId, request.params.resourceGroupName);
        requireBody(request);
        return answerQuery(request, resourceGroup);
      },
    },
  },
];
