import { createHash } from 'node:crypto';
import type { LifeboatConfig } from '@/lib/config/schema';
import { summarizeConfig } from '@/lib/config/summarize-config';
import { appendAuditEventOnce } from '@/lib/db/audit/append-audit-event-once';
import type { Db } from '@/lib/db/client';
import { canonicalJson } from '@/lib/domain/audit-chain';
import { SYSTEM_ACTOR } from '@/lib/domain/audit-event';

/** sha256 of the validated configuration (secrets are referenced by variable name, never held in it). */
export function configDigest(config: LifeboatConfig): string {
  return createHash('sha256').update(canonicalJson(config)).digest('hex');
}

/**
 * Records `config.loaded` the first time a configuration with this digest runs anywhere, so every
 * configuration change shows up in the audit log once, however many processes start with it.
 */
export async function recordConfigLoaded(db: Db, config: LifeboatConfig, by: { process: string; region: string; source: string }): Promise<{ digest: string; recorded: boolean }> {
  const digest = configDigest(config);
  const recorded = await appendAuditEventOnce(db, {
    actor: SYSTEM_ACTOR,
    action: 'config.loaded',
    target: { type: 'config', id: digest },
    outcome: 'success',
    payload: { digest, source: by.source, process: by.process, region: by.region, summary: summarizeConfig(config) },
  });
  return { digest, recorded };
}
