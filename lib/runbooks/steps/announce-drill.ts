import { requestTargets } from '@/lib/approvals/request-targets';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { countDrillAnnouncements } from '@/lib/db/drills/count-drill-announcements';
import { enqueueDrillAnnouncement } from '@/lib/db/drills/enqueue-drill-announcement';
import type { StepHandler } from '../step-handler';

/**
 * `announce-drill`: queues the request's `drill-started` notification (the change outbox: Teams and
 * webhooks, retried like every request event); its sentence carries the drill and its participants
 * from the request's reason. Queued once per request, so a repeat is harmless.
 */
export function announceDrill(db: Db, config: LifeboatConfig): StepHandler {
  return {
    timeoutMs: 60_000,
    describe: () => {
      const targets = requestTargets(config).map((target) => `${target.name} (${target.kind})`);
      return `queue one drill-started change notification per target (${targets.join(', ') || 'no active target'}) for this run's request, unless already queued; the worker's notification loop delivers them`;
    },
    check: async ({ runId }) => ((await countDrillAnnouncements(db, runId)) > 0 ? 'done' : 'not-done'),
    execute: async ({ runId }) => {
      const targets = requestTargets(config);
      const announced = await enqueueDrillAnnouncement(db, runId, targets, new Date());
      if (!announced) return { requestId: null, targets: [], queued: 0, alreadyQueued: 0, note: 'the run has no request: nobody to announce to' };
      return { requestId: announced.requestId, targets: targets.map((target) => target.name), queued: announced.queued, alreadyQueued: announced.already, note: '' };
    },
  };
}
