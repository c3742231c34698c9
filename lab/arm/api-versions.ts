import { ArmError } from './arm-error';

/** The api-versions each emulated provider accepts, as its real service would list them. */
export const API_VERSIONS = {
  /** 2024-02-01 is what @azure/arm-cdn 9.1 sends; 2025-06-01 is the shared contract's version. */
  'Microsoft.Cdn': ['2024-02-01', '2025-06-01'],
  /** The versions @azure/arm-containerservice 25.5 knows (KnownVersions); it sends the newest. */
  'Microsoft.ContainerService': ['2025-10-01', '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'],
  /** 2022-10-01 is what @azure/arm-costmanagement 1.0.0-beta.2 sends. */
  'Microsoft.CostManagement': ['2022-10-01', '2023-03-01', '2023-11-01', '2024-08-01'],
  /** 2024-01-01 is what @azure/arm-storage 18.6 sends. */
  'Microsoft.Storage': ['2023-05-01', '2024-01-01', '2025-01-01'],
} as const;

export type ArmProvider = keyof typeof API_VERSIONS;

/** Refuses a request without api-version, or with one the provider does not support, as ARM does. */
export function checkApiVersion(provider: ArmProvider, apiVersion: string | null): string {
  if (!apiVersion) {
    throw new ArmError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
  }
  const supported: readonly string[] = API_VERSIONS[provider];
  if (!supported.includes(apiVersion)) {
    throw new ArmError(400, 'InvalidApiVersionParameter', `The api-version '${apiVersion}' is invalid. The supported versions for ${provider} are '${supported.join(', ')}'.`);
  }
  return apiVersion;
}
