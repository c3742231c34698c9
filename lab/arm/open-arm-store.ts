import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ArmState, OperationRecord, OperationTarget } from './arm-state';
import { completeOperation } from './operations/complete-operation';
import { readArmState } from './read-arm-state';
import { writeArmState } from './write-arm-state';

/** Finished operations stay queryable this long, as ARM keeps operation status for a while. */
const KEEP_FINISHED_MS = 24 * 60 * 60 * 1000;

export type ArmStore = {
  /** Handlers change it in place, then call commit(). */
  readonly state: ArmState;
  /** Persists the current state; resolves once it is on disk. */
  commit(): Promise<void>;
  /** Registers a long-running operation that finishes after durationMs. */
  startOperation(provider: OperationRecord['provider'], target: OperationTarget, durationMs: number): OperationRecord;
  onFrontDoorChange(listener: () => void): () => void;
  close(): Promise<void>;
};

export type OpenArmStoreOptions = { stateDir: string; topology: string; initial: () => ArmState };

/** Loads the state (or builds it), resumes unfinished operations and persists every change. */
export async function openArmStore(options: OpenArmStoreOptions): Promise<ArmStore> {
  const file = path.join(options.stateDir, 'arm-state.json');
  const state = (await readArmState(file, options.topology)) ?? options.initial();
  const timers = new Map<string, NodeJS.Timeout>();
  const listeners = new Set<() => void>();
  let writes: Promise<void> = Promise.resolve();
  let closed = false;

  const commit = () => {
    const snapshot = JSON.parse(JSON.stringify(state)) as ArmState;
    writes = writes.catch(() => undefined).then(() => writeArmState(file, snapshot));
    return writes;
  };

  const notify = () => {
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        console.error('ARM emulator: a Front Door change listener failed', error);
      }
    }
  };

  const finish = (operation: OperationRecord) => {
    timers.delete(operation.id);
    if (closed || operation.status !== 'InProgress') return;
    const { frontDoorChanged } = completeOperation(state, operation, new Date());
    void commit().catch((error: unknown) => console.error('ARM emulator: could not save state', error));
    if (frontDoorChanged) notify();
  };

  const schedule = (operation: OperationRecord) => {
    const timer = setTimeout(() => finish(operation), Math.max(0, operation.completesAt - Date.now()));
    timer.unref();
    timers.set(operation.id, timer);
  };

  const pruneFinished = () => {
    const cutoff = Date.now() - KEEP_FINISHED_MS;
    for (const [id, operation] of Object.entries(state.operations)) {
      if (operation.status !== 'InProgress' && Date.parse(operation.endTime ?? operation.startTime) < cutoff) delete state.operations[id];
    }
  };

  for (const operation of Object.values(state.operations)) {
    if (operation.status !== 'InProgress') continue;
    if (operation.completesAt <= Date.now()) completeOperation(state, operation, new Date());
    else schedule(operation);
  }
  await commit();

  return {
    state,
    commit,
    startOperation: (provider, target, durationMs) => {
      pruneFinished();
      const now = Date.now();
      const operation: OperationRecord = { id: randomUUID(), provider, status: 'InProgress', startTime: new Date(now).toISOString(), completesAt: now + durationMs, target };
      state.operations[operation.id] = operation;
      schedule(operation);
      return operation;
    },
    onFrontDoorChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await writes.catch(() => undefined);
    },
  };
}
