import type { TokenCredential } from '@azure/core-auth';

/** The lab accepts any bearer token: a static one stands in for Entra ID. */
export const LAB_CREDENTIAL: TokenCredential = {
  getToken: async () => ({ token: 'lab-token', expiresOnTimestamp: Date.now() + 60 * 60 * 1000 }),
};
