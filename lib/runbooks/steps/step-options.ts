import type { CdnManagementClientOptionalParams } from '@azure/arm-cdn';

/** How the Azure-side handlers reach the far side; every field has a default fit for the lab. */
export type StepOptions = {
  /** Extra CA (the lab certificate) when NODE_EXTRA_CA_CERTS cannot be used (tests). */
  caPem?: string;
  /** LRO and state polling interval (ARM's Retry-After wins when it sends one). */
  pollIntervalMs?: number;
  /** Passed to the SDK clients, e.g. a per-call policy that records requests. */
  clientOptions?: Pick<CdnManagementClientOptionalParams, 'additionalPolicies'>;
  /** The failback health gate: probes of the target origin, this far apart, after each stage. */
  soak?: { samples: number; intervalMs: number };
  /** How long validate-serving keeps retrying while the proxy and DNS settle. */
  validateDeadlineMs?: number;
};

export const DEFAULT_POLL_MS = 1_000;
export const DEFAULT_SOAK = { samples: 3, intervalMs: 1_000 };
export const DEFAULT_VALIDATE_DEADLINE_MS = 60_000;
