import type { Db } from '../client';
import { insertRunbookRun, type NewRunbookRun } from './insert-runbook-run';

export type { NewRunbookRun };

/** Stores a run and one pending row per plan step in one transaction, so a run never lacks its steps. */
export async function createRunbookRun(db: Db, run: NewRunbookRun): Promise<string> {
  return db.$transaction((tx) => insertRunbookRun(tx, run));
}
