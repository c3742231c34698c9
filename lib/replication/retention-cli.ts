// `npm run retention` shows what retention would delete today (a dry run); `-- --apply` deletes it.
import { getConfig } from '@/lib/config/get-config';
import { connectDb } from '@/lib/db/client';
import { resolveDatabaseUrl, stopEmbeddedDatabase } from '@/lib/db/database-url';
import { applyRetention } from './apply-retention';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const apply = process.argv.includes('--apply');
  const config = getConfig();
  const db = connectDb(await resolveDatabaseUrl());
  try {
    const outcome = await applyRetention(db, config, { trigger: 'manual', requestedBy: 'npm run retention', dryRun: !apply });
    const { qdrant, redis } = config.schedules.retentionDays;
    console.log(`retention: Qdrant snapshots ${qdrant} days, Redis backups ${redis} days${apply ? '' : ' (dry run: nothing is deleted; add -- --apply)'}`);
    for (const item of outcome.items) console.log(`${item.action === 'delete' ? (apply ? 'deleted' : 'would delete') : 'keep'}\t${item.kind} ${item.scope}\t${item.name}\t${mib(item.size)}\t${item.reason}`);
    const going = outcome.items.filter((item) => item.action === 'delete');
    console.log(`${going.length} of ${outcome.items.length} blobs ${apply ? 'deleted' : 'would go'}, ${mib(going.reduce((sum, item) => sum + item.size, 0))}`);
    if (outcome.run?.state === 'failed') {
      console.error(outcome.run.error);
      process.exitCode = 1;
    }
  } finally {
    await db.$disconnect();
    await stopEmbeddedDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
