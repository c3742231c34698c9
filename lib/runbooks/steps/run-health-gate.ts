import { describeAnswer, getStatus } from './get-status';
import { sleepOrAbort } from './sleep-or-abort';

export type GateResult = { samples: number; targetHealthy: number; frontDoorErrors: number; servedBy: Record<string, number>; failures: string[] };

const regionOf = (body: string): string => {
  try {
    const parsed = JSON.parse(body) as { region?: unknown };
    return typeof parsed.region === 'string' ? parsed.region : 'unknown';
  } catch {
    return 'unknown';
  }
};

/**
 * The failback soak: `samples` rounds, `intervalMs` apart, each a GET of the target origin's health
 * probe URL (only 200 counts, as Front Door's probe) and of the same path through Front Door (its
 * errors are the users' error rate). Any failure fails the gate; the result says which.
 */
export async function runHealthGate(input: { originUrl: string; publicUrl: string; samples: number; intervalMs: number; caPem?: string }, signal: AbortSignal): Promise<GateResult> {
  const result: GateResult = { samples: input.samples, targetHealthy: 0, frontDoorErrors: 0, servedBy: {}, failures: [] };
  for (let sample = 1; sample <= input.samples; sample += 1) {
    if (sample > 1) await sleepOrAbort(input.intervalMs, signal);
    const [origin, edge] = await Promise.all([getStatus(input.originUrl, signal, { caPem: input.caPem }), getStatus(input.publicUrl, signal, { caPem: input.caPem })]);
    if ('status' in origin && origin.status === 200) result.targetHealthy += 1;
    else result.failures.push(`sample ${sample}: target ${input.originUrl} ${describeAnswer(origin)}`);
    if ('status' in edge && edge.status === 200) {
      const region = regionOf(edge.body);
      result.servedBy[region] = (result.servedBy[region] ?? 0) + 1;
    } else {
      result.frontDoorErrors += 1;
      result.failures.push(`sample ${sample}: Front Door ${input.publicUrl} ${describeAnswer(edge)}`);
    }
  }
  return result;
}
