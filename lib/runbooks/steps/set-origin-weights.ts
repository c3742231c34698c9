import type { LifeboatConfig } from '@/lib/config/schema';
import type { PlanStep } from '@/lib/domain/change-plan';
import type { StepContext, StepHandler } from '../step-handler';
import { VerdictFailure } from '../verdict-failure';
import { createArmClients } from './create-arm-clients';
import { ensureOrigin } from './ensure-origin';
import { originWeightsFor } from './origin-weights-for';
import { pointRoute, readRoute } from './point-route';
import { probeOriginUrl } from './probe-origin-url';
import { describeOrigin, originMatches, readOriginPair } from './read-origin-pair';
import { runHealthGate } from './run-health-gate';
import { sameArmName } from './same-arm-name';
import { DEFAULT_POLL_MS, DEFAULT_SOAK, type StepOptions } from './step-options';
import { numberParam } from './number-param';
import { stringParam } from './step-params';

function stage(ctx: StepContext) {
  const { step } = ctx;
  const percent = numberParam(step, 'percentToTarget');
  return { route: stringParam(step, 'route'), group: stringParam(step, 'toOriginGroup'), target: stringParam(step, 'toOrigin'), source: stringParam(step, 'fromOrigin'), percent, weights: originWeightsFor(percent) };
}

/**
 * `set-origin-weights`: one stage of the failback's gradual shift. Both origins live in the target's
 * origin group (the deployed primary group holds the secondary at priority 2); the stage writes
 * their priority/weight (originWeightsFor), only then points the route at that group, and soaks:
 * the target origin's health and Front Door's answers, `soak.samples` times. A failed gate throws;
 * rolling back (switch-route to the secondary group) is the engine wiring's job, not this step's.
 */
export function setOriginWeights(config: LifeboatConfig, options: StepOptions = {}): StepHandler {
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
  const soakOf = (step: PlanStep) => options.soak ?? soakFor(step);
  const fd = config.components.frontDoor;
  return {
    timeoutMs: (step) => 15 * 60_000 + soakOf(step).samples * soakOf(step).intervalMs,
    describe: (ctx) => {
      const s = stage(ctx);
      const w = s.weights;
      const soak = soakOf(ctx.step);
      return `CdnManagementClient(${fd.armEndpoint}, subscription ${fd.subscriptionId}): in origin group ${s.group}, afdOrigins.beginUpdateAndWait(${fd.resourceGroup}, ${fd.profile}, ${s.group}, ${s.target}, { priority: ${w.target.priority}, weight: ${w.target.weight}, enabledState: Enabled }) and (${s.source}, { priority: ${w.source.priority}, weight: ${w.source.weight}, enabledState: Enabled }) where they differ (${s.percent} % to ${s.target}); then point route ${s.route} at ${s.group} if it is elsewhere (routes.beginCreateAndWait, rest of the route unchanged); then health gate: ${soak.samples} × (GET ${s.target}'s probe URL, GET ${fd.publicUrl}<probe path>) ${soak.intervalMs} ms apart, all must answer 200`;
    },
    check: async (ctx) => {
      const s = stage(ctx);
      const { cdn } = createArmClients(config, options);
      const [pair, route] = await Promise.all([readOriginPair(cdn, config, { group: s.group, target: s.target, source: s.source }, ctx.signal), readRoute(cdn, config, s.route, ctx.signal)]);
      const armDone = originMatches(pair.target, s.weights.target) && originMatches(pair.source, s.weights.source) && sameArmName(route.originGroup, s.group) && route.settled;
      if (!armDone) return 'not-done';
      // A resumed stage may have died mid-soak: one healthy probe stands in for the gate it skips.
      const gate = await runHealthGate({ originUrl: probeOriginUrl(pair.group, pair.target), publicUrl: `${fd.publicUrl}${pair.group.healthProbeSettings?.probePath ?? '/'}`, samples: 1, intervalMs: 0, caPem: options.caPem }, ctx.signal);
      return gate.failures.length === 0 ? 'done' : 'not-done';
    },
    execute: async (ctx) => {
      const s = stage(ctx);
      const soak = soakOf(ctx.step);
      const { cdn } = createArmClients(config, options);
      const pair = await readOriginPair(cdn, config, { group: s.group, target: s.target, source: s.source }, ctx.signal);
      if (!pair.source && s.percent < 100) throw new Error(`origin group ${s.group} does not hold origin ${s.source}: ${s.percent} % cannot be split inside it`);
      const before = { target: describeOrigin(pair.target), source: describeOrigin(pair.source) };
      // Weights first: a route moved first would send everything to the priority-1 target at once.
      const written = await Promise.all([
        ensureOrigin(cdn, config, s.group, pair.target, s.weights.target, pollMs, ctx.signal),
        pair.source ? ensureOrigin(cdn, config, s.group, pair.source, s.weights.source, pollMs, ctx.signal) : Promise.resolve(false),
      ]);
      const route = await pointRoute(cdn, config, s.route, s.group, pollMs, ctx.signal);
      const gate = await runHealthGate({ originUrl: probeOriginUrl(pair.group, pair.target), publicUrl: `${fd.publicUrl}${pair.group.healthProbeSettings?.probePath ?? '/'}`, ...soak, caPem: options.caPem }, ctx.signal);
      if (gate.failures.length > 0) {
        throw new VerdictFailure(`health gate failed at ${s.percent} % to ${s.target}: ${gate.targetHealthy}/${gate.samples} target probes healthy, ${gate.frontDoorErrors} Front Door errors; ${gate.failures.slice(0, 3).join('; ')}`);
      }
      return {
        percentToTarget: s.percent,
        soak: { ...soak },
        originGroup: s.group,
        before,
        after: { target: { ...s.weights.target }, source: pair.source ? { ...s.weights.source } : null },
        originsWritten: written.filter(Boolean).length,
        route: { ...route },
        gate: { samples: gate.samples, targetHealthy: gate.targetHealthy, frontDoorErrors: gate.frontDoorErrors, servedBy: gate.servedBy },
      };
    },
    // A failed stage sends all traffic back to the group that served before the failback, and the run stops.
    compensate: async (ctx) => {
      const back = stringParam(ctx.step, 'rollbackOriginGroup');
      const move = await pointRoute(createArmClients(config, options).cdn, config, stage(ctx).route, back, pollMs, ctx.signal);
      return `rolled back: route ${move.route} on ${move.after} (was ${move.before})`;
    },
  };
}

/** The plan's soakSeconds as one probe pair per second (the DR plan watches each stage before the next). */
function soakFor(step: PlanStep): { samples: number; intervalMs: number } {
  const seconds = step.params.soakSeconds;
  return typeof seconds === 'number' && seconds > 0 ? { samples: Math.ceil(seconds), intervalMs: 1_000 } : DEFAULT_SOAK;
}
