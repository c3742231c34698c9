import { z } from 'zod';

// Leadership must move within 30 s and the sweep stops workers silent for 30 s, so both stay well below it.
const interval = (max: number) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(50).max(max).optional());

export const WorkerEnv = z.object({
  LIFEBOAT_REGION: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().trim().regex(/^[a-z0-9-]+$/, 'must be an Azure region name such as canadacentral').optional(),
  ),
  LIFEBOAT_WORKER_HEARTBEAT_MS: interval(9_000),
  LIFEBOAT_WORKER_ELECTION_MS: interval(20_000),
  /** How long a dead worker's runbook run stays locked before the next leader resumes it. */
  LIFEBOAT_RUNBOOK_LEASE_MS: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1_000).max(300_000).optional()),
});
export type WorkerEnv = z.infer<typeof WorkerEnv>;

export type WorkerSettings = { region: string; heartbeatMs?: number; electionMs?: number; runbookLeaseMs?: number };

/** The worker's settings from its environment; the region falls back to the configuration's primary region. */
export function readWorkerSettings(env: Record<string, string | undefined>, fallbackRegion?: string): WorkerSettings {
  const parsed = WorkerEnv.safeParse(env);
  if (!parsed.success) throw new Error(`worker environment is invalid:\n${z.prettifyError(parsed.error)}`);
  const region = parsed.data.LIFEBOAT_REGION ?? fallbackRegion;
  if (!region) throw new Error('LIFEBOAT_REGION is not set and no configuration names a primary region');
  return {
    region,
    heartbeatMs: parsed.data.LIFEBOAT_WORKER_HEARTBEAT_MS,
    electionMs: parsed.data.LIFEBOAT_WORKER_ELECTION_MS,
    runbookLeaseMs: parsed.data.LIFEBOAT_RUNBOOK_LEASE_MS,
  };
}
