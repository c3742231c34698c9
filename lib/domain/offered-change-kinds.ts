import { CHANGE_KINDS, type ChangeKind } from './change-plan';

/** The kinds a deployment offers: a storage-account failover only when the configuration turns it on. */
export function offeredChangeKinds(optionalSteps: { storageAccountFailover: boolean }): ChangeKind[] {
  return CHANGE_KINDS.filter((kind) => kind !== 'storage-failover' || optionalSteps.storageAccountFailover);
}
