import { z } from 'zod';
import { longestGapMinutes, readCronExpression } from './cron-expression';
import { describeValue } from './describe-value';
import { DEPLOYMENT_MODELS } from '@/lib/domain/deployment-models';

/**
 * The protected topology, objectives and policy, in one schema. Rules kept here:
 * - objects are strict, so a misspelt key is an error rather than a silently ignored default;
 * - secrets never appear: a field ending in `Env` holds the NAME of the environment variable.
 */

export const REGION_ROLES = ['primary', 'secondary'] as const;
export type RegionRole = (typeof REGION_ROLES)[number];

export { DEPLOYMENT_MODELS, type DeploymentModel } from '@/lib/domain/deployment-models';

type Refinement = z.core.$RefinementCtx;

/** Cross-field checks run once the fields they compare are valid: no guessing on bad values. */
const WHEN_FIELDS_VALID = { when: (payload: z.core.ParsePayload) => payload.issues.length === 0 };

function patterned(pattern: RegExp, what: string) {
  return z.string().regex(pattern, { error: (issue) => `${what} (got ${describeValue(issue.input)})` });
}

/** The value is never echoed: a bad name is often the secret itself pasted in by mistake. */
const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, {
  error: 'must be the NAME of an environment variable (capitals, digits and _), never the secret itself',
});

function urlProblem(value: string, protocols: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `not a valid URL (got ${describeValue(value)})`;
  }
  const scheme = url.protocol.slice(0, -1);
  if (!protocols.includes(scheme)) {
    if (protocols.includes('http')) return `not a valid URL (got ${describeValue(value)})`;
    if (protocols.includes('https') && scheme === 'http') return `must use https:// (got ${describeValue(value)})`;
    return `not a valid ${protocols.map((p) => `${p}://`).join(' or ')} URL (got ${describeValue(value)})`;
  }
  if (!url.hostname) return `not a valid URL: no host (got ${describeValue(value)})`;
  if (url.username || url.password) {
    return 'must not contain a user name or password: put the secret in an environment variable and name it in the matching *Env field';
  }
  return undefined;
}

function urlOf(...protocols: string[]) {
  return z.string().superRefine((value, ctx) => {
    const problem = urlProblem(value, protocols);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

const HttpUrl = urlOf('http', 'https');
/** Azure SDKs refuse bearer tokens over plain http, so these are https even in the lab. */
const HttpsUrl = urlOf('https');
const RedisUrl = urlOf('redis', 'rediss');

const ResourceGroup = patterned(/^[-\w.()]{0,89}[-\w()]$/, 'not a valid resource group name: 1-90 letters, digits, - _ . ( ), not ending in "."');
const AzureName = patterned(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,88}[A-Za-z0-9])?$/, 'not a valid Azure resource name: letters, digits and -, starting and ending with a letter or digit');
/** Goes into ARM paths, so anything that would change the path is refused; GUID-ness is left to ARM. */
const SubscriptionId = patterned(/^[^\s/?#]+$/, 'not a valid subscription ID (a GUID)');
const Minutes = z.int().positive();

function distinctAcrossRegions<T extends Record<RegionRole, Record<string, unknown>>>(value: T, field: string, ctx: Refinement): void {
  const primary = value.primary[field];
  const secondary = value.secondary[field];
  const same = (a: unknown) => (typeof a === 'string' ? a.replace(/\/+$/, '').toLowerCase() : a);
  if (primary !== undefined && same(primary) === same(secondary)) {
    ctx.addIssue({ code: 'custom', path: ['secondary', field], message: `must differ from primary.${field}: each region needs its own (both are ${describeValue(primary)})` });
  }
}

const Region = z.strictObject({
  /** Azure's programmatic region name, e.g. `canadacentral`. */
  name: patterned(/^[a-z][a-z0-9]*$/, 'not an Azure region name such as "canadacentral"'),
  /** Display name, e.g. `Canada Central`. */
  label: z.string().min(1),
  /** Where the datacentres are, e.g. `Toronto`. */
  location: z.string().min(1),
});

const Regions = z
  .strictObject({ primary: Region, secondary: Region })
  .superRefine((regions, ctx) => {
    if (regions.primary.name === regions.secondary.name) {
      ctx.addIssue({ code: 'custom', path: ['secondary', 'name'], message: `must differ from regions.primary.name (both are ${describeValue(regions.primary.name)})` });
    }
  }, WHEN_FIELDS_VALID);

const Objectives = z.strictObject({
  /** Recovery point objective: the most data loss, in minutes, that is acceptable. */
  rpoMinutes: z.number().positive(),
  /** Recovery time objective: declared disaster → secondary serving, in minutes. */
  rtoMinutes: z.number().positive(),
});

const CollectionName = patterned(/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,254}$/, 'not a valid Qdrant collection name: letters, digits, _ - .');

const QdrantRegion = z
  .strictObject({
    url: HttpUrl,
    apiKeyEnv: EnvName.optional(),
    collections: z.array(CollectionName).min(1),
  })
  .superRefine((region, ctx) => {
    region.collections.forEach((name, index) => {
      if (region.collections.indexOf(name) !== index) ctx.addIssue({ code: 'custom', path: ['collections', index], message: `${describeValue(name)} is listed twice` });
    });
  }, WHEN_FIELDS_VALID);

const Qdrant = z
  .strictObject({ kind: z.literal('qdrant').default('qdrant'), primary: QdrantRegion, secondary: QdrantRegion })
  .superRefine((qdrant, ctx) => {
    distinctAcrossRegions(qdrant, 'url', ctx);
    const missing = qdrant.primary.collections.filter((name) => !qdrant.secondary.collections.includes(name));
    if (missing.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['secondary', 'collections'], message: `must include every primary collection, since the secondary restores them (missing: ${missing.map((name) => describeValue(name)).join(', ')})` });
    }
  }, WHEN_FIELDS_VALID);

const RedisRegion = z.strictObject({ url: RedisUrl, passwordEnv: EnvName.optional() });
const Redis = z
  .strictObject({
    kind: z.literal('redis').default('redis'),
    primary: RedisRegion,
    secondary: RedisRegion,
    /** Restoring into the secondary serves the backup as a one-shot master: where it listens and how the secondary reaches it. */
    restoreMaster: z.strictObject({ listenHost: z.string().min(1).default('127.0.0.1'), advertiseHost: z.string().min(1).optional() }).prefault({}),
  })
  .superRefine((redis, ctx) => distinctAcrossRegions(redis, 'url', ctx), WHEN_FIELDS_VALID);

const ContainerName = patterned(/^(?=.{3,63}$)[a-z0-9](?:-?[a-z0-9])*$/, 'not a valid blob container name: 3-63 lowercase letters, digits and single hyphens');

/** True when the URL addresses the storage account: `<account>.blob…` in Azure, `/<account>` path-style in Azurite. */
function addressesAccount(value: string, account: string): boolean {
  const url = new URL(value);
  return url.hostname.split('.')[0] === account || url.pathname.split('/')[1] === account;
}

const Blob = z
  .strictObject({
    kind: z.literal('blob').default('blob'),
    accountName: patterned(/^[a-z0-9]{3,24}$/, 'not a valid storage account name: 3-24 lowercase letters and digits'),
    /** The account's blob endpoint, e.g. https://<account>.blob.core.windows.net. */
    primaryUrl: HttpUrl,
    /** The read-only `-secondary` endpoint, which answers Get Blob Service Stats (geo-replication, Last Sync Time). */
    secondaryUrl: HttpUrl,
    containers: z
      .strictObject({
        qdrantSnapshots: ContainerName.default('qdrant-snapshots'),
        redisBackups: ContainerName.default('redis-backups'),
        audit: ContainerName.default('audit'),
      })
      .prefault({}),
    /** Absent: Entra credentials from `azure`; for Azurite's devstoreaccount1, its published development key. */
    accountKeyEnv: EnvName.optional(),
    /** The account's resource group: needed only for the manual-approval account failover step. */
    resourceGroup: ResourceGroup.optional(),
  })
  .superRefine((blob, ctx) => {
    if (!addressesAccount(blob.primaryUrl, blob.accountName)) {
      ctx.addIssue({ code: 'custom', path: ['primaryUrl'], message: `must be the endpoint of account ${describeValue(blob.accountName)} (got ${describeValue(blob.primaryUrl)})` });
    }
    if (!addressesAccount(blob.secondaryUrl, `${blob.accountName}-secondary`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['secondaryUrl'],
        message: `must be the account's "-secondary" endpoint, https://${blob.accountName}-secondary.blob.core.windows.net or Azurite's http://host:port/${blob.accountName}-secondary (got ${describeValue(blob.secondaryUrl)})`,
      });
    }
    const names = Object.entries(blob.containers);
    names.forEach(([key, name], index) => {
      const earlier = names.slice(0, index).find(([, other]) => other === name);
      if (earlier) ctx.addIssue({ code: 'custom', path: ['containers', key], message: `must differ from containers.${earlier[0]} (both are ${describeValue(name)})` });
    });
  }, WHEN_FIELDS_VALID);

/** Mirrors ARM's AFD origin properties (hostName, httpPort, httpsPort) so adapters compare like with like. */
const Origin = z.strictObject({
  name: AzureName,
  hostName: patterned(/^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/, 'not a host name (no scheme, port or path)'),
  httpPort: z.int().min(1).max(65535).optional(),
  httpsPort: z.int().min(1).max(65535).optional(),
  /** Path Lifeboat probes on this origin, and the origin group's probe path. */
  healthPath: patterned(/^\/\S*$/, 'must be a path starting with "/"'),
});

const FrontDoor = z
  .strictObject({
    kind: z.literal('frontDoor').default('frontDoor'),
    /** https://management.azure.com in Azure; the lab's ARM emulator locally. AKS is reached through the same endpoint and subscription. */
    armEndpoint: HttpsUrl,
    subscriptionId: SubscriptionId,
    resourceGroup: ResourceGroup,
    profile: AzureName,
    endpoint: AzureName,
    route: AzureName,
    originGroups: z.strictObject({ primary: AzureName, secondary: AzureName }),
    origins: z.strictObject({ primary: Origin, secondary: Origin }),
    /** The endpoint users reach (https://<endpoint>-<hash>.z01.azurefd.net; the lab's proxy locally): the smoke tests go through it. */
    publicUrl: HttpUrl,
  })
  .superRefine((frontDoor, ctx) => {
    if (frontDoor.originGroups.primary === frontDoor.originGroups.secondary) {
      ctx.addIssue({ code: 'custom', path: ['originGroups', 'secondary'], message: `must differ from originGroups.primary: failover switches the route between them (both are ${describeValue(frontDoor.originGroups.primary)})` });
    }
  }, WHEN_FIELDS_VALID);

const AksRegion = z
  .strictObject({
    resourceGroup: ResourceGroup,
    cluster: patterned(/^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$/, 'not a valid AKS cluster name: 1-63 letters, digits, - and _'),
    nodePool: patterned(/^[a-z][a-z0-9]{0,11}$/, 'not a valid AKS node pool name: 1-12 lowercase letters and digits, starting with a letter'),
    /** Nodes while this region is the standby (the secondary normally). */
    standbyNodeCount: z.int().min(0).max(1000),
    /** Nodes while this region serves production; failover scales the secondary to this. */
    productionNodeCount: z.int().min(1).max(1000),
    /** The protected app's health endpoint in this region. */
    healthUrl: HttpUrl,
  })
  .superRefine((aks, ctx) => {
    if (aks.productionNodeCount < aks.standbyNodeCount) {
      ctx.addIssue({ code: 'custom', path: ['productionNodeCount'], message: `must be at least standbyNodeCount (${aks.standbyNodeCount}) (got ${aks.productionNodeCount})` });
    }
  }, WHEN_FIELDS_VALID);

const Aks = z
  .strictObject({ kind: z.literal('aks').default('aks'), primary: AksRegion, secondary: AksRegion })
  .superRefine((aks, ctx) => distinctAcrossRegions(aks, 'healthUrl', ctx), WHEN_FIELDS_VALID);

const KeyVaultRegion = z.strictObject({ url: HttpsUrl });
const SecretName = patterned(/^[0-9A-Za-z-]{1,127}$/, 'not a valid Key Vault secret name: 1-127 letters, digits and -');
const KeyVault = z
  .strictObject({
    kind: z.literal('keyVault').default('keyVault'),
    primary: KeyVaultRegion,
    secondary: KeyVaultRegion,
    /** The secret the application reads its Azure OpenAI endpoint from (the optional endpoint-switch step sets it). */
    openaiEndpointSecret: SecretName.default('openai-endpoint'),
  })
  .superRefine((keyVault, ctx) => distinctAcrossRegions(keyVault, 'url', ctx), WHEN_FIELDS_VALID);

const OpenAiRegion = z.strictObject({ endpoint: HttpUrl, apiKeyEnv: EnvName.optional() });
const OpenAi = z
  .strictObject({
    kind: z.literal('openai').default('openai'),
    primary: OpenAiRegion,
    secondary: OpenAiRegion,
    /** The deployment the application calls: the endpoint switch checks it answers in the target region first. */
    deployment: patterned(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'not a valid Azure OpenAI deployment name: 1-64 letters, digits, _ . -').default('text-embedding-3-small'),
  })
  .superRefine((openai, ctx) => distinctAcrossRegions(openai, 'endpoint', ctx), WHEN_FIELDS_VALID);

const Components = z.strictObject({
  qdrant: Qdrant,
  redis: Redis,
  blob: Blob,
  frontDoor: FrontDoor,
  aks: Aks,
  keyVault: KeyVault,
  openai: OpenAi,
});

/** How Lifeboat authenticates to Azure Resource Manager. Nothing set: managed identity / DefaultAzureCredential. */
const Azure = z
  .strictObject({
    tenantId: z.string().min(1).optional(),
    /** With clientSecretEnv: a service principal; alone: a user-assigned managed identity. */
    clientId: z.string().min(1).optional(),
    clientSecretEnv: EnvName.optional(),
    /** The lab's ARM emulator accepts a fixed token; never valid against real Azure. */
    staticTokenForLab: z.boolean().default(false),
  })
  .superRefine((azure, ctx) => {
    if (azure.clientSecretEnv !== undefined) {
      for (const field of ['tenantId', 'clientId'] as const) {
        if (azure[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'required when clientSecretEnv is set (a service principal needs its tenant and client ID)' });
      }
      if (azure.staticTokenForLab) ctx.addIssue({ code: 'custom', path: ['staticTokenForLab'], message: 'cannot be combined with clientSecretEnv: choose one way to authenticate' });
    }
  }, WHEN_FIELDS_VALID)
  .prefault({});

const BreakGlass = z
  .strictObject({
    enabled: z.boolean().default(false),
    /** Break-glass may lower the quorum (to 1), never to self-approval. */
    approversRequired: z.int().min(1).max(10).default(1),
    requestExpiryMinutes: Minutes.default(15),
  })
  .prefault({});

const Approvals = z
  .strictObject({
    approversRequired: z
      .int()
      .min(2, { error: (issue) => `must be at least 2: the two-person rule (only breakGlass.approversRequired may be lower) (got ${describeValue(issue.input)})` })
      .max(10)
      .default(2),
    requestExpiryMinutes: Minutes.default(60),
    approvalExpiryMinutes: Minutes.default(30),
    /** Approvers must have signed in within this many minutes (the token's auth_time). */
    reauthMaxAgeMinutes: Minutes.default(10),
    breakGlass: BreakGlass,
  })
  .superRefine((approvals, ctx) => {
    if (approvals.breakGlass.approversRequired > approvals.approversRequired) {
      ctx.addIssue({ code: 'custom', path: ['breakGlass', 'approversRequired'], message: `must not exceed approversRequired (${approvals.approversRequired}) (got ${approvals.breakGlass.approversRequired})` });
    }
  }, WHEN_FIELDS_VALID)
  .prefault({});

const Cron = z.string().superRefine((value, ctx) => {
  const reading = readCronExpression(value);
  if (!reading.ok) ctx.addIssue({ code: 'custom', message: `not a valid cron expression: ${reading.problem} (got ${describeValue(value)})` });
});

/** Cron schedules, in UTC. */
const Schedules = z
  .strictObject({
    /** Snapshot every primary collection and upload it to Blob. */
    qdrantSnapshot: Cron.default('0 * * * *'),
    /** Restore the newest snapshot into the secondary Qdrant (warm standby). */
    snapshotRestore: Cron.default('30 * * * *'),
    redisBackup: Cron.default('15 * * * *'),
    /** Restore the newest Redis backup into a scratch instance to prove it restores. */
    redisVerify: Cron.default('20 * * * *'),
    /** Warm the secondary Redis with the newest backup; unset: only on failover or on request. */
    redisRestore: Cron.optional(),
    /** Delete snapshots and backups older than retentionDays (never the newest verified, nor one in use). */
    retention: Cron.default('30 2 * * *'),
    probeIntervalSeconds: z.int().min(5).max(3600).default(30),
    retentionDays: z
      .strictObject({ qdrant: z.int().min(1).default(30), redis: z.int().min(1).default(7) })
      .prefault({}),
  })
  .prefault({});

const TargetName = z.string().min(1).max(64);
const HeaderName = patterned(/^[A-Za-z0-9-]+$/, 'not a valid HTTP header name');
const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|cookie)$|key|token|secret|signature|password/i;

/** Optional: a target whose variables are unset is skipped (not a start-up error), e.g. the lab's inbox. */
const OptionalTarget = z.boolean().default(false);

const NotificationTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('teams'), name: TargetName, optional: OptionalTarget, webhookUrlEnv: EnvName }),
  z.strictObject({
    kind: z.literal('pagerduty'),
    name: TargetName,
    optional: OptionalTarget,
    routingKeyEnv: EnvName,
    /** Events API v2 endpoint; the lab points it at its notification inbox. */
    eventsUrl: HttpUrl.default('https://events.pagerduty.com/v2/enqueue'),
  }),
  z
    .strictObject({
      kind: z.literal('webhook'),
      name: TargetName,
      optional: OptionalTarget,
      urlEnv: EnvName,
      /** Plain, non-secret headers. */
      headers: z.record(HeaderName, z.string()).optional(),
      /** Header name → environment variable holding its value (Authorization and the like). */
      secretHeadersEnv: z.record(HeaderName, EnvName).optional(),
    })
    .superRefine((target, ctx) => {
      for (const header of Object.keys(target.headers ?? {})) {
        if (CREDENTIAL_HEADER.test(header)) {
          ctx.addIssue({ code: 'custom', path: ['headers', header], message: 'looks like a credential: secrets never go in the file; move it to secretHeadersEnv' });
        }
      }
    }, WHEN_FIELDS_VALID),
]);

const Notifications = z
  .strictObject({ targets: z.array(NotificationTarget).default([]) })
  .superRefine((notifications, ctx) => {
    notifications.targets.forEach((target, index) => {
      if (notifications.targets.findIndex((other) => other.name === target.name) !== index) {
        ctx.addIssue({ code: 'custom', path: ['targets', index, 'name'], message: `${describeValue(target.name)} is used by an earlier target` });
      }
    });
  }, WHEN_FIELDS_VALID)
  .prefault({});

/** Alert rule thresholds (the DR plan's Critical Alerts, plus Redis backups and drills). */
const Alerts = z
  .strictObject({
    /** Primary Region Unhealthy fires after MORE than this many failed primary health checks in a row. */
    primaryUnhealthyFailures: z.int().min(1).max(100).default(3),
    /** Replication Lag High: newest Qdrant snapshot older than this. */
    replicationLagMinutes: Minutes.default(90),
    redisBackupStaleMinutes: Minutes.default(120),
    /** Drill overdue: no successful drill for more than this many days. */
    drillOverdueDays: z.int().positive().default(90),
  })
  .prefault({});

const StepMinutes = z.number().min(0).max(10_000);
/** Overrides of the DR plan's per-step failover estimates, used for the RTO until a drill is measured. */
const Rto = z
  .strictObject({
    stepEstimatesMinutes: z
      .strictObject({ 'scale-aks': StepMinutes.optional(), 'restore-qdrant': StepMinutes.optional(), 'restore-redis': StepMinutes.optional(), 'switch-front-door': StepMinutes.optional(), validate: StepMinutes.optional() })
      .prefault({}),
  })
  .prefault({});

/** How the runbooks behave where the DR plan leaves a choice. */
const Runbooks = z
  .strictObject({
    failback: z
      .strictObject({
        /** Health gate after each traffic stage (10 → 50 → 100 %): watched this long before the next stage. */
        soakSeconds: z.number().int().min(1).max(3600).default(60),
        /** After traffic is back on the primary: watched this long before the secondary shrinks to standby size. */
        monitoringMinutes: z.number().min(0).max(24 * 60).default(30),
      })
      .prefault({}),
    /** Steps the DR plan lists but that are off until a deployment turns them on. */
    optionalSteps: z
      .strictObject({
        /** Failover, drill and failback point the app's OpenAI endpoint secret at the target region. */
        openaiEndpointSwitch: z.boolean().default(false),
        /** Offers `storage-failover` requests (Blob account failover, its own approval); needs components.blob.resourceGroup. */
        storageAccountFailover: z.boolean().default(false),
      })
      .prefault({}),
  })
  .prefault({});

const MonthlyPrice = z.number().min(0).max(10_000_000);
/** Cost Management service name (ServiceName, e.g. "Redis Cache") → monthly price in `costs.currency`. */
const ServicePrices = z.record(z.string().min(1), MonthlyPrice);

/**
 * Costs: Azure Cost Management when `costManagement` is set, else the cost model below. The model's
 * defaults are the DR plan's "Cost Analysis" figures (CAD/month; lib/config/README.md explains them).
 */
const Costs = z
  .strictObject({
    /** Query Cost Management on components.frontDoor's ARM endpoint and subscription; absent: the cost model. */
    costManagement: z
      .strictObject({
        type: z.enum(['ActualCost', 'AmortizedCost', 'Usage']).default('ActualCost'),
        /** `subscription`: one query filtered to the configured resource groups; `resourceGroups`: one per group (least privilege). */
        scope: z.enum(['subscription', 'resourceGroups']).default('subscription'),
      })
      .optional(),
    /** The cost model's currency (Cost Management reports its own). */
    currency: patterned(/^[A-Z]{3}$/, 'not an ISO 4217 currency code such as "CAD"').default('CAD'),
    /** When the leader refreshes the current and previous month (Cost Management updates about daily). */
    refreshCron: Cron.default('30 6 * * *'),
    /** Months fetched when nothing is stored yet, so the overhead trend starts with history. */
    historyMonths: z.int().min(1).max(12).default(6),
    /** More resource groups billed to a region (the AKS groups are mapped already); `global` is neither region. */
    resourceGroups: z
      .strictObject({ primary: z.array(ResourceGroup).default([]), secondary: z.array(ResourceGroup).default([]), global: z.array(ResourceGroup).default([]) })
      .prefault({}),
    /** Services whose lines are compute, which reserved instances and scale-to-zero apply to. */
    computeServices: z.array(z.string().min(1)).min(1).default(['Virtual Machines']),
    /** Reserved-instance discount on compute, percent (the plan's 40 %; Azure quotes up to ~60 % for 3 years on Dv5). */
    reservedInstances: z.strictObject({ oneYearPercent: z.number().min(0).max(100).default(40), threeYearPercent: z.number().min(0).max(100).default(60) }).prefault({}),
    /** Blob price per GB-month (GiB) by tier: hot is the plan's own Blob line ($45 for 1 TB GRS); cool is the plan's $0.01. */
    blobPerGbMonth: z.strictObject({ hot: z.number().min(0).default(0.044), cool: z.number().min(0).default(0.01) }).prefault({}),
    model: z
      .strictObject({
        /** One AKS node (D4s_v5) a month: the plan's $1,200 for 6 nodes. */
        nodeMonthly: MonthlyPrice.default(200),
        /** Nodes a cold standby keeps (for the model comparison when another model is configured). */
        coldStandbyNodes: z.int().min(0).max(1000).default(1),
        primary: ServicePrices.default({ Storage: 165, 'Redis Cache': 280, 'Cognitive Services': 2000, Bandwidth: 150 }),
        secondary: z
          .strictObject({
            cold: ServicePrices.default({ Storage: 60, 'Redis Cache': 40, 'Cognitive Services': 100, Bandwidth: 20 }),
            warm: ServicePrices.default({ Storage: 60, 'Redis Cache': 80, 'Cognitive Services': 500, Bandwidth: 50 }),
            'active-active': ServicePrices.default({ Storage: 120, 'Redis Cache': 280, 'Cognitive Services': 1715, Bandwidth: 100 }),
          })
          .prefault({}),
        /** Shared services billed to components.frontDoor.resourceGroup (Front Door Standard's base fee). */
        shared: ServicePrices.default({ 'Azure Front Door Service': 48 }),
      })
      .prefault({}),
  })
  .prefault({});

/** The local lab only: its control API (fault switches), which a `lab` drill uses to take the primary down. Absent outside the lab. */
const Lab = z
  .strictObject({
    controlUrl: HttpUrl.optional(),
  })
  .prefault({});

const AuthorityHost = patterned(/^[A-Za-z0-9.-]+(?::\d{1,5})?$/, 'must be host[:port] only, no scheme or path (MSAL knownAuthorities format)');

/** Sign-in. The shape is shared with lib/auth: change it only together. */
const Auth = z
  .strictObject({
    /** `entra`: Microsoft Entra ID; `oidc`: any OpenID Connect provider (the lab's). */
    protocol: z.enum(['oidc', 'entra']),
    /** MSAL requires https, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0. */
    authority: HttpsUrl,
    clientId: z.string().min(1),
    knownAuthorities: z.array(AuthorityHost).default([]),
    sessionHours: z.number().positive().max(168).default(8),
  })
  .superRefine((auth, ctx) => {
    if (auth.protocol !== 'oidc') return;
    const host = new URL(auth.authority).host;
    if (auth.knownAuthorities.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['knownAuthorities'], message: `required for protocol "oidc": list the authority's host, e.g. [${describeValue(host)}]` });
    } else if (!auth.knownAuthorities.includes(host)) {
      ctx.addIssue({ code: 'custom', path: ['knownAuthorities'], message: `must include the authority's host ${describeValue(host)}, or MSAL refuses it` });
    }
  }, WHEN_FIELDS_VALID);

function isLoopback(value: string): boolean {
  const host = new URL(value).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function checkAcrossSections(config: z.output<typeof Sections>, ctx: Refinement): void {
  const secondaryAks = config.components.aks.secondary;
  if (config.deploymentModel === 'active-active' && secondaryAks.standbyNodeCount !== secondaryAks.productionNodeCount) {
    ctx.addIssue({
      code: 'custom',
      path: ['components', 'aks', 'secondary', 'standbyNodeCount'],
      message: `must equal productionNodeCount (${secondaryAks.productionNodeCount}) for deploymentModel "active-active", where the secondary serves at full size (got ${secondaryAks.standbyNodeCount})`,
    });
  }
  if (config.deploymentModel === 'warm' && secondaryAks.standbyNodeCount < 1) {
    ctx.addIssue({ code: 'custom', path: ['components', 'aks', 'secondary', 'standbyNodeCount'], message: 'must be at least 1 for deploymentModel "warm", which keeps the standby running (got 0)' });
  }

  // A backup schedule slower than the RPO makes the objective impossible to meet; so does a slower
  // Redis verification, since a failover restores only the newest verified backup.
  for (const schedule of ['qdrantSnapshot', 'redisBackup', 'redisVerify'] as const) {
    const reading = readCronExpression(config.schedules[schedule]);
    const gap = reading.ok ? longestGapMinutes(reading.schedule) : undefined;
    if (gap !== undefined && gap > config.objectives.rpoMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['schedules', schedule],
        message: `can leave ${gap} minutes between runs, more than objectives.rpoMinutes (${config.objectives.rpoMinutes}): run it at least that often (got ${describeValue(config.schedules[schedule])})`,
      });
    }
  }

  if (config.approvals.breakGlass.enabled && config.notifications.targets.every((target) => target.optional)) {
    ctx.addIssue({ code: 'custom', path: ['approvals', 'breakGlass', 'enabled'], message: 'needs at least one notifications.targets entry that is not optional, so that every break-glass use is announced' });
  }
  if (config.runbooks.optionalSteps.storageAccountFailover && config.components.blob.resourceGroup === undefined) {
    ctx.addIssue({ code: 'custom', path: ['components', 'blob', 'resourceGroup'], message: 'required when runbooks.optionalSteps.storageAccountFailover is on: the account failover is an ARM call on the account\'s resource group' });
  }
  if (config.azure.staticTokenForLab && !isLoopback(config.components.frontDoor.armEndpoint)) {
    ctx.addIssue({
      code: 'custom',
      path: ['azure', 'staticTokenForLab'],
      message: `only works against the lab's loopback ARM emulator, not ${describeValue(config.components.frontDoor.armEndpoint)}: configure tenantId/clientId/clientSecretEnv or a managed identity`,
    });
  }
}

const Sections = z.strictObject({
  /** Format version of this file. */
  version: z.literal(1).default(1),
  /** The protected deployment's display name. */
  name: z.string().min(1).default('RAG assistant'),
  regions: Regions,
  deploymentModel: z.enum(DEPLOYMENT_MODELS),
  objectives: Objectives,
  components: Components,
  azure: Azure,
  approvals: Approvals,
  schedules: Schedules,
  notifications: Notifications,
  alerts: Alerts,
  rto: Rto,
  runbooks: Runbooks,
  lab: Lab,
  costs: Costs,
  auth: Auth,
});

export const LifeboatConfig = Sections.superRefine(checkAcrossSections, WHEN_FIELDS_VALID);
export type LifeboatConfig = z.output<typeof LifeboatConfig>;
/** What a configuration file may contain before defaults are applied. */
export type LifeboatConfigInput = z.input<typeof LifeboatConfig>;
