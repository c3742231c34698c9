import type { ArmRoute } from './arm-handler';
import { AKS_ROUTES } from './aks/serve-aks';
import { COST_ROUTES } from './cost/serve-cost-query';
import { ORIGIN_GROUP_ROUTES } from './front-door/serve-origin-groups';
import { ORIGIN_ROUTES } from './front-door/serve-origins';
import { ROUTE_ROUTES } from './front-door/serve-routes';
import { OPERATION_ROUTES } from './operations/operation-routes';
import { STORAGE_ROUTES } from './storage/serve-storage-accounts';

/** Every path the emulator serves. Anything else is answered 404 InvalidResourceType. */
export const ARM_ROUTES: ArmRoute[] = [...ORIGIN_GROUP_ROUTES, ...ORIGIN_ROUTES, ...ROUTE_ROUTES, ...AKS_ROUTES, ...COST_ROUTES, ...OPERATION_ROUTES, ...STORAGE_ROUTES];
