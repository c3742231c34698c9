import type { LifeboatConfig } from '@/lib/config/schema';
import type { StepHandler } from '../step-handler';
import { VerdictFailure } from '../verdict-failure';
import { sleepOrAbort } from './sleep-or-abort';
import { smokeThroughFrontDoor } from './smoke-through-front-door';
import { DEFAULT_POLL_MS, DEFAULT_VALIDATE_DEADLINE_MS, type StepOptions } from './step-options';
import { stringParam } from './step-params';

/**
 * `validate-serving`: through Front Door's public URL, the app answers from `expectRegion` and the
 * smoke checks pass (smokeThroughFrontDoor). Retried until the deadline while the edge settles,
 * then fails with the last reason. Its only write is an upsert of one marker per run and step, so
 * check() says not-done: a resumed validation runs again, which is the point of validating.
 */
export function validateServing(config: LifeboatConfig, options: StepOptions = {}): StepHandler {
  const deadlineMs = options.validateDeadlineMs ?? DEFAULT_VALIDATE_DEADLINE_MS;
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
  const marker = (key: string) => `lifeboat-smoke-${key.replace(/[^A-Za-z0-9-]/g, '-')}`;
  return {
    timeoutMs: deadlineMs + 60_000,
    describe: ({ step, idempotencyKey }) => {
      const url = stringParam(step, 'url');
      return `through ${url}, for up to ${deadlineMs / 1000} s: GET /health (expect 200 from ${stringParam(step, 'expectRegion')}); POST /ingest { documents: [{ id: ${marker(idempotencyKey)} }] }; POST /query (expect that id first); POST /auth/token then GET /auth/check (expect 200); every answer from ${stringParam(step, 'expectRegion')}`;
    },
    check: async () => 'not-done',
    execute: async ({ step, idempotencyKey, signal }) => {
      const url = stringParam(step, 'url').replace(/\/$/, '');
      const expected = stringParam(step, 'expectRegion');
      const started = Date.now();
      let tries = 0;
      for (;;) {
        tries += 1;
        try {
          const result = await smokeThroughFrontDoor(url, expected, marker(idempotencyKey), signal);
          return { ...result, url, tries, seconds: Math.round((Date.now() - started) / 100) / 10 };
        } catch (error) {
          if (signal.aborted) throw error;
          const reason = error instanceof Error ? error.message : String(error);
          if (Date.now() - started + pollMs > deadlineMs) throw new VerdictFailure(`${url} is not serving from ${expected} after ${tries} tries in ${Math.round((Date.now() - started) / 1000)} s: ${reason}`);
        }
        await sleepOrAbort(pollMs, signal);
      }
    },
  };
}
