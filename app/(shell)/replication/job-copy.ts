import type { ManualReplicationJob } from '@/lib/jobs/request-replication-run';

/** What each job is called and does, in the words of its button and its confirmation. */
export const JOB_COPY: Record<ManualReplicationJob, { label: string; button: string; does: string; replacesStandbyData: boolean; deletes: boolean }> = {
  'qdrant-snapshot': {
    label: 'Qdrant snapshot',
    button: 'Snapshot Qdrant now',
    does: 'Snapshots every primary collection and streams it into Blob with its sha256 and a manifest.',
    replacesStandbyData: false,
    deletes: false,
  },
  'qdrant-restore': {
    label: 'Qdrant restore',
    button: 'Restore Qdrant into the standby…',
    does: 'The secondary Qdrant recovers each collection from the newest verified snapshot in Blob, then its points are checked.',
    replacesStandbyData: true,
    deletes: false,
  },
  'redis-backup': {
    label: 'Redis backup',
    button: 'Back up Redis now',
    does: 'Takes a consistent RDB of the primary Redis and streams it into Blob with its sha256 and key count.',
    replacesStandbyData: false,
    deletes: false,
  },
  'redis-verify': {
    label: 'Redis verify',
    button: 'Verify the newest backup',
    does: 'Restores the newest Redis backup into a scratch Redis and checks sha256, size and key count.',
    replacesStandbyData: false,
    deletes: false,
  },
  'redis-restore': {
    label: 'Redis restore',
    button: 'Restore Redis into the standby…',
    does: 'Loads the newest verified Redis backup into the secondary Redis.',
    replacesStandbyData: true,
    deletes: false,
  },
  retention: {
    label: 'Retention',
    button: 'Apply retention…',
    does: 'Deletes snapshots and backups older than their retention from Blob, never the newest verified one nor one the standby holds.',
    replacesStandbyData: false,
    deletes: true,
  },
};

/** A run's job in words (also for jobs this page does not run itself). */
export function jobLabel(job: string): string {
  return job in JOB_COPY ? JOB_COPY[job as ManualReplicationJob].label : job;
}
