import { ConfidentialClientApplication, LogLevel, ProtocolMode, type INetworkModule } from '@azure/msal-node';
import type { AuthSettings } from './read-auth-settings';

export type MsalClientSettings = Pick<AuthSettings, 'protocol' | 'authority' | 'clientId' | 'clientSecret' | 'knownAuthorities'>;

/** Scopes asked for at sign-in; Lifeboat only needs the id token. */
export const SIGN_IN_SCOPES = ['openid', 'profile', 'email'];

/**
 * The MSAL confidential client. `oidc` (the lab provider, any standard OP) needs OIDC protocol mode
 * and knownAuthorities, or MSAL looks for Entra-only endpoints; `entra` keeps MSAL's AAD defaults.
 * `networkClient` exists for tests that must trust a certificate without NODE_EXTRA_CA_CERTS.
 */
export function createMsalClient(settings: MsalClientSettings, networkClient?: INetworkModule): ConfidentialClientApplication {
  const oidc = settings.protocol === 'oidc';
  const knownAuthorities = oidc && settings.knownAuthorities.length === 0 ? [new URL(settings.authority).host] : settings.knownAuthorities;
  return new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      authority: settings.authority,
      ...(knownAuthorities.length > 0 ? { knownAuthorities } : {}),
    },
    system: {
      ...(oidc ? { protocolMode: ProtocolMode.OIDC } : {}),
      ...(networkClient ? { networkClient } : {}),
      // Errors only: with a plain OIDC provider MSAL warns on every sign-in that there is no client_info.
      loggerOptions: {
        logLevel: LogLevel.Error,
        piiLoggingEnabled: false,
        loggerCallback: (level, message) => {
          if (level <= LogLevel.Error) console.error(`msal: ${message}`);
        },
      },
    },
  });
}

let shared: { key: string; client: ConfidentialClientApplication } | undefined;

/** One client per process (it caches the provider's metadata); rebuilt if the settings change. */
export function getMsalClient(settings: MsalClientSettings): ConfidentialClientApplication {
  const key = JSON.stringify([settings.protocol, settings.authority, settings.clientId, settings.clientSecret, settings.knownAuthorities]);
  if (shared?.key !== key) shared = { key, client: createMsalClient(settings) };
  return shared.client;
}
