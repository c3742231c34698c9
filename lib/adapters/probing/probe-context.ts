export const DEFAULT_PROBE_TIMEOUT_MS = 5_000;

/** What every probe is given besides its target's settings. */
export type ProbeContext = {
  /** Each probe's own deadline (default 5 s). */
  timeoutMs?: number;
  /** Extra trusted CA (PEM) for https targets; default NODE_EXTRA_CA_CERTS (see trusted-ca.ts). */
  caPem?: string;
  now?: () => Date;
};
