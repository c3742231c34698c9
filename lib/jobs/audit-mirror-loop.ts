import { blobServiceClient } from '@/lib/adapters/blob/blob-service-client';
import { auditMirrorSink, shipAuditToBlob } from '@/lib/audit/ship-audit-to-blob';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';

export const AUDIT_MIRROR_INTERVAL_MS = 5_000;

/**
 * The leader ships new audit events to the Blob mirror every few seconds (one pass at a time).
 * Leadership is checked before every round; a failing pass is logged when it starts failing and
 * when it recovers, and retried on the next tick.
 */
export function startAuditMirrorLoop(options: { db: Db; config: LifeboatConfig; isLeader: () => boolean; log: (line: string) => void; intervalMs?: number }): { stop(): Promise<void> } {
  const { blob } = options.config.components;
  const container = blobServiceClient(blob.primaryUrl, blob, options.config.azure).getContainerClient(blob.containers.audit);
  const sink = auditMirrorSink(blob.containers.audit);
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let failing: string | undefined;
  const tick = () => {
    if (busy || !options.isLeader()) return;
    busy = true;
    running = shipAuditToBlob(options.db, container, { sink, shouldContinue: options.isLeader })
      .then((pass) => {
        if (failing) options.log('audit mirror recovered');
        failing = undefined;
        if (pass.shipped || pass.adopted) options.log(`audit mirror: ${pass.shipped} events shipped${pass.adopted ? `, ${pass.adopted} found already there` : ''}, through seq ${pass.lastSeq} (${pass.blobs.join(', ') || 'no new file'})`);
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (failing !== message) options.log(`audit mirror failed: ${message}`);
        failing = message;
      })
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? AUDIT_MIRROR_INTERVAL_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
