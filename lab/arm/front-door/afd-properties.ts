import { z } from 'zod';

/**
 * Front Door property schemas, from the contract (afd-openapi.json): they validate request bodies
 * and the persisted state alike. Objects strip unknown and read-only keys, as ARM ignores them.
 */

const EnabledState = z.enum(['Enabled', 'Disabled']);
const ResourceReference = z.object({ id: z.string().min(1, { error: 'a resource reference needs an id' }) });
const Port = (what: string) => z.int({ error: `${what} must be an integer` }).min(1, { error: `${what} must be between 1 and 65535` }).max(65535, { error: `${what} must be between 1 and 65535` });

/** Domain name, IPv4 or IPv6 address: nothing that looks like a URL, a port or a path. */
const HostName = z
  .string()
  .min(1, { error: 'hostName is required' })
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+|\[[0-9A-Fa-f:.]+\])$/, { error: 'hostName must be a domain name, an IPv4 or an IPv6 address (no scheme, port or path)' });

export const OriginProperties = z.object({
  hostName: HostName,
  httpPort: Port('httpPort').optional(),
  httpsPort: Port('httpsPort').optional(),
  originHostHeader: z.string().optional(),
  priority: z.int({ error: 'priority must be an integer' }).min(1, { error: 'priority must be between 1 and 5' }).max(5, { error: 'priority must be between 1 and 5' }).optional(),
  weight: z.int({ error: 'weight must be an integer' }).min(1, { error: 'weight must be between 1 and 1000' }).max(1000, { error: 'weight must be between 1 and 1000' }).optional(),
  enabledState: EnabledState.optional(),
  enforceCertificateNameCheck: z.boolean().optional(),
  azureOrigin: ResourceReference.optional(),
  sharedPrivateLinkResource: z
    .object({
      privateLink: ResourceReference.optional(),
      privateLinkLocation: z.string().optional(),
      groupId: z.string().optional(),
      requestMessage: z.string().optional(),
      status: z.enum(['Pending', 'Approved', 'Rejected', 'Disconnected', 'Timeout']).optional(),
    })
    .optional(),
});
export type OriginProperties = z.output<typeof OriginProperties>;

export const LoadBalancingSettings = z.object({
  sampleSize: z.int().min(1).optional(),
  successfulSamplesRequired: z.int().min(1).optional(),
  additionalLatencyInMilliseconds: z.int().min(0).optional(),
});

export const HealthProbeSettings = z.object({
  probePath: z.string().regex(/^\/\S*$/, { error: 'probePath must be a path starting with "/"' }).optional(),
  probeRequestType: z.enum(['NotSet', 'GET', 'HEAD']).optional(),
  probeProtocol: z.enum(['NotSet', 'Http', 'Https']).optional(),
  probeIntervalInSeconds: z.int().min(1, { error: 'probeIntervalInSeconds must be between 1 and 255' }).max(255, { error: 'probeIntervalInSeconds must be between 1 and 255' }).optional(),
});

export const OriginGroupProperties = z.object({
  loadBalancingSettings: LoadBalancingSettings.optional(),
  healthProbeSettings: HealthProbeSettings.optional(),
  trafficRestorationTimeToHealedOrNewEndpointsInMinutes: z.int().min(0).max(50, { error: 'trafficRestorationTimeToHealedOrNewEndpointsInMinutes must be between 0 and 50' }).optional(),
  sessionAffinityState: EnabledState.optional(),
  authentication: z
    .object({
      type: z.enum(['SystemAssignedIdentity', 'UserAssignedIdentity']).optional(),
      userAssignedIdentity: ResourceReference.optional(),
      scope: z.url().optional(),
    })
    .optional(),
});
export type OriginGroupProperties = z.output<typeof OriginGroupProperties>;

/** "Must not have any * except possibly after the final / at the end of the path." */
const PatternToMatch = z.string().regex(/^\/[^*]*(?:\/\*)?$|^\/\*$/, { error: 'patternsToMatch entries must start with "/" and may only end in "/*"' });

export const RouteProperties = z.object({
  customDomains: z.array(ResourceReference).optional(),
  originGroup: ResourceReference,
  originPath: z.string().regex(/^\//, { error: 'originPath must start with "/"' }).optional(),
  ruleSets: z.array(ResourceReference).optional(),
  supportedProtocols: z.array(z.enum(['Http', 'Https'])).min(1, { error: 'supportedProtocols needs at least one protocol' }).optional(),
  patternsToMatch: z.array(PatternToMatch).optional(),
  cacheConfiguration: z
    .object({
      queryStringCachingBehavior: z.enum(['IgnoreQueryString', 'UseQueryString', 'IgnoreSpecifiedQueryStrings', 'IncludeSpecifiedQueryStrings']).optional(),
      queryParameters: z.string().optional(),
      compressionSettings: z.object({ contentTypesToCompress: z.array(z.string()).optional(), isCompressionEnabled: z.boolean().optional() }).optional(),
    })
    .optional(),
  forwardingProtocol: z.enum(['HttpOnly', 'HttpsOnly', 'MatchRequest']).optional(),
  linkToDefaultDomain: EnabledState.optional(),
  httpsRedirect: EnabledState.optional(),
  enabledState: EnabledState.optional(),
});
export type RouteProperties = z.output<typeof RouteProperties>;
