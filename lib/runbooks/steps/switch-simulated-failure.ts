import type { LifeboatConfig } from '@/lib/config/schema';
import type { PlanStep } from '@/lib/domain/change-plan';
import type { StepContext, StepHandler, StepOutput } from '../step-handler';
import { callJson } from './call-json';
import { createArmClients } from './create-arm-clients';
import { ensureOrigin } from './ensure-origin';
import { DEFAULT_POLL_MS, type StepOptions } from './step-options';
import { stringParam } from './step-params';

type LabStatusAnswer = { services?: { name: string; region: string | null; state: string }[] };

function wantedState(step: PlanStep): 'Enabled' | 'Disabled' {
  const state = stringParam(step, 'enabledState');
  if (state !== 'Enabled' && state !== 'Disabled') throw new Error(`step ${step.id}: enabledState must be Enabled or Disabled, got ${JSON.stringify(state)}`);
  return state;
}

/** The lab: POST the region fault to its control API, as `npm run lab -- fault region-down primary` does. */
async function postLabFault({ step, signal }: StepContext): Promise<StepOutput> {
  const [controlUrl, fault, region] = [stringParam(step, 'controlUrl'), stringParam(step, 'fault'), stringParam(step, 'region')];
  const answer = await callJson(`${controlUrl}/faults`, signal, { method: 'POST', body: { name: fault, args: [region] } });
  const body = (answer.body ?? {}) as { message?: string; error?: string };
  if (answer.status !== 200) throw new Error(`the lab control API refused ${fault} ${region}: ${answer.status} ${body.error ?? ''}`.trim());
  return { environment: stringParam(step, 'environment'), method: 'lab-fault', fault, region, message: body.message ?? '', at: new Date().toISOString() };
}

/** Whether every lab service of the region is down (region-down) or up (region-up), per the control API. */
async function labFaultHolds({ step, signal }: StepContext): Promise<boolean> {
  const answer = await callJson(`${stringParam(step, 'controlUrl')}/status`, signal);
  const services = ((answer.body ?? {}) as LabStatusAnswer).services?.filter((service) => service.region === stringParam(step, 'regionName')) ?? [];
  const wanted = stringParam(step, 'fault') === 'region-down' ? 'down' : 'up';
  return answer.status === 200 && services.length > 0 && services.every((service) => service.state === wanted);
}

/**
 * `simulate-region-failure` and `end-region-failure` (a drill's own steps): in the lab, the control
 * API's region-down / region-up fault for the primary; elsewhere the primary Front Door origin's
 * enabledState set to Disabled / Enabled through @azure/arm-cdn (priority and weight kept).
 */
export function switchSimulatedFailure(config: LifeboatConfig, options: StepOptions = {}): StepHandler {
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
  const fd = config.components.frontDoor;
  const readOrigin = (ctx: StepContext) => createArmClients(config, options).cdn.afdOrigins.get(fd.resourceGroup, fd.profile, stringParam(ctx.step, 'originGroup'), stringParam(ctx.step, 'origin'), { abortSignal: ctx.signal });
  const isLab = (step: PlanStep) => stringParam(step, 'method') === 'lab-fault';
  return {
    timeoutMs: 10 * 60_000,
    describe: ({ step }) =>
      isLab(step)
        ? `POST ${stringParam(step, 'controlUrl')}/faults { name: ${stringParam(step, 'fault')}, args: [${stringParam(step, 'region')}] } (the lab's fault switch for ${stringParam(step, 'regionName')})`
        : `CdnManagementClient(${fd.armEndpoint}, subscription ${fd.subscriptionId}): afdOrigins.get(${fd.resourceGroup}, ${fd.profile}, ${stringParam(step, 'originGroup')}, ${stringParam(step, 'origin')}); unless it is already ${wantedState(step)}, afdOrigins.beginUpdateAndWait(…, { priority, weight as they are, enabledState: ${wantedState(step)} })`,
    check: async (ctx) => {
      if (isLab(ctx.step)) return (await labFaultHolds(ctx)) ? 'done' : 'not-done';
      const origin = await readOrigin(ctx);
      return (origin.enabledState ?? 'Enabled') === wantedState(ctx.step) && origin.provisioningState === 'Succeeded' ? 'done' : 'not-done';
    },
    execute: async (ctx) => {
      if (isLab(ctx.step)) return postLabFault(ctx);
      const { step, signal } = ctx;
      const group = stringParam(step, 'originGroup');
      const origin = await readOrigin(ctx);
      const enabledState = wantedState(step);
      const written = await ensureOrigin(createArmClients(config, options).cdn, config, group, origin, { priority: origin.priority ?? 1, weight: origin.weight ?? 1000, enabledState }, pollMs, signal);
      return { environment: stringParam(step, 'environment'), method: 'origin-state', originGroup: group, origin: stringParam(step, 'origin'), before: origin.enabledState ?? 'Enabled', after: enabledState, written, at: new Date().toISOString() };
    },
  };
}
