import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { parseConfig } from './load-config';

const LAB_TEXT = fs.readFileSync(path.resolve('config/lab.yaml'), 'utf8');

function labWithCosts(costs: unknown): string {
  const config = parse(LAB_TEXT) as Record<string, unknown>;
  if (costs === undefined) delete config.costs;
  else config.costs = costs;
  return stringify(config);
}

function problemsOf(text: string): string[] {
  try {
    parseConfig(text, 'test.yaml', {});
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
  }
  throw new Error('expected the configuration to be rejected');
}

describe('the costs section', () => {
  it("is optional: without it, the configured cost model with the DR plan's figures and no cost API", () => {
    const { costs } = parseConfig(labWithCosts(undefined), 'test.yaml', {});
    expect(costs.costManagement).toBeUndefined();
    expect(costs).toMatchObject({ currency: 'CAD', historyMonths: 6, computeServices: ['Virtual Machines'], reservedInstances: { oneYearPercent: 40, threeYearPercent: 60 }, blobPerGbMonth: { hot: 0.044, cool: 0.01 } });
    expect(costs.model.secondary.warm).toEqual({ Storage: 60, 'Redis Cache': 80, 'Cognitive Services': 500, Bandwidth: 50 });
  });

  it('the lab queries Cost Management on its ARM emulator', () => {
    expect(parseConfig(LAB_TEXT, 'config/lab.yaml', {}).costs.costManagement).toEqual({ type: 'ActualCost', scope: 'subscription' });
  });

  it('names each bad field', () => {
    expect(problemsOf(labWithCosts({ currency: 'dollars', refreshCron: 'daily', reservedInstances: { oneYearPercent: 140 }, costManagement: { scope: 'tenant' }, model: { primary: { Storage: -1 } }, colour: 'x' }))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^costs\.currency: not an ISO 4217 currency code/),
        expect.stringMatching(/^costs\.refreshCron: not a valid cron expression/),
        expect.stringMatching(/^costs\.reservedInstances\.oneYearPercent: /),
        expect.stringMatching(/^costs\.costManagement\.scope: /),
        expect.stringMatching(/^costs\.model\.primary\.Storage: /),
        expect.stringMatching(/colour/),
      ]),
    );
  });
});
