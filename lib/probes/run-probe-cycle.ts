import { randomUUID } from 'node:crypto';
import { readSecret } from '@/lib/config/read-secret';
import type { LifeboatConfig, RegionRole } from '@/lib/config/schema';
import { probeAks } from '@/lib/adapters/aks/probe-aks';
import { probeApp } from '@/lib/adapters/app/probe-app';
import { labAwareCredential } from '@/lib/adapters/azure/lab-aware-credential';
import { blobServiceClient } from '@/lib/adapters/blob/blob-service-client';
import { probeBlobGeo } from '@/lib/adapters/blob/probe-blob-geo';
import { probeFrontDoor } from '@/lib/adapters/frontdoor/probe-front-door';
import { probeKeyVault } from '@/lib/adapters/keyvault/probe-key-vault';
import { openAiAuth } from '@/lib/adapters/openai/open-ai-auth';
import { probeOpenAi } from '@/lib/adapters/openai/probe-open-ai';
import { describeProbeError } from '@/lib/adapters/probing/describe-probe-error';
import type { ProbeContext } from '@/lib/adapters/probing/probe-context';
import { probeQdrant } from '@/lib/adapters/qdrant/probe-qdrant';
import { probeRedis } from '@/lib/adapters/redis/probe-redis';
import type { Component, ProbeRegion, ProbeResult } from '@/lib/domain/probe-results';

export type ProbeCycleOptions = ProbeContext;

/** One probe of a cycle: what it targets, and how to run it (never throws). */
export type PlannedProbe = { component: Component; region: ProbeRegion; target: string; run: () => Promise<ProbeResult> };

export type ProbeCycle = { cycleId: string; startedAt: Date; durationMs: number; results: ProbeResult[] };

const ROLES: readonly RegionRole[] = ['primary', 'secondary'];

/** Settings are built when the probe runs, so a missing secret or credential fails that probe alone. */
function planned(component: Component, region: ProbeRegion, target: string, context: ProbeCycleOptions, start: () => Promise<ProbeResult>): PlannedProbe {
  const run = async (): Promise<ProbeResult> => {
    try {
      return await start();
    } catch (error) {
      return { component, region, target, at: context.now?.() ?? new Date(), ok: false, latencyMs: null, error: describeProbeError(error), metrics: null };
    }
  };
  return { component, region, target, run };
}

/** Every probe the configuration implies: each component in both regions, plus Front Door and Blob geo-replication (global). */
export function listProbes(config: LifeboatConfig, context: ProbeCycleOptions = {}): PlannedProbe[] {
  const c = config.components;
  const fd = c.frontDoor;
  const credential = () => labAwareCredential(config.azure);
  const probes: PlannedProbe[] = [];
  for (const role of ROLES) {
    probes.push(
      planned('qdrant', role, '-', context, () =>
        probeQdrant({ region: role, url: c.qdrant[role].url, apiKey: readSecret(c.qdrant[role].apiKeyEnv), collections: c.qdrant[role].collections }, context),
      ),
      planned('redis', role, '-', context, () => {
        const backups = blobServiceClient(c.blob.primaryUrl, c.blob, config.azure).getContainerClient(c.blob.containers.redisBackups);
        return probeRedis({ region: role, url: c.redis[role].url, password: readSecret(c.redis[role].passwordEnv), backups }, context);
      }),
      planned('app', role, '-', context, () => probeApp({ region: role, healthUrl: c.aks[role].healthUrl }, context)),
      planned('aks', role, `${c.aks[role].cluster}/${c.aks[role].nodePool}`, context, () =>
        probeAks({ region: role, armEndpoint: fd.armEndpoint, subscriptionId: fd.subscriptionId, ...c.aks[role], credential: credential() }, context),
      ),
      planned('openai', role, '-', context, () => probeOpenAi({ region: role, endpoint: c.openai[role].endpoint, auth: openAiAuth(config, role) }, context)),
      planned('keyvault', role, '-', context, () =>
        probeKeyVault({ region: role, url: c.keyVault[role].url, credential: credential(), disableChallengeResourceVerification: config.azure.staticTokenForLab }, context),
      ),
    );
  }
  probes.push(
    planned('frontdoor', 'global', fd.route, context, () => probeFrontDoor({ ...fd, credential: credential() }, context)),
    planned('blob', 'global', c.blob.accountName, context, () =>
      probeBlobGeo({ accountName: c.blob.accountName, secondary: blobServiceClient(c.blob.secondaryUrl, c.blob, config.azure) }, context),
    ),
  );
  return probes;
}

/** Runs every configured probe at once; the cycle takes as long as its slowest probe (each has its own deadline). */
export async function runProbeCycle(config: LifeboatConfig, options: ProbeCycleOptions = {}): Promise<ProbeCycle> {
  const startedAt = options.now?.() ?? new Date();
  const started = performance.now();
  const results = await Promise.all(listProbes(config, options).map((probe) => probe.run()));
  return { cycleId: randomUUID(), startedAt, durationMs: Math.round(performance.now() - started), results };
}
