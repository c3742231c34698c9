import { trustedCa } from '../probing/trusted-ca';

/**
 * Pipeline options shared by the Azure SDK clients a probe builds: no retries (the probe's own
 * deadline and the next cycle are the retry) and the trusted CA list for the lab's https.
 */
export function azureClientOptions(caPem?: string): { retryOptions: { maxRetries: number }; tlsOptions?: { ca: string[] } } {
  const ca = trustedCa(caPem);
  return { retryOptions: { maxRetries: 0 }, ...(ca ? { tlsOptions: { ca } } : {}) };
}
