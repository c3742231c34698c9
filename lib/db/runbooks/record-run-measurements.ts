import type { RecoveryMeasurement } from '@/lib/domain/measure-recovery';
import type { DbTx } from '../client';

/** Writes a finished run's measured RTO/RPO once (the run's trigger allows only this change, only once). */
export async function recordRunMeasurements(tx: DbTx, runId: string, measured: RecoveryMeasurement): Promise<boolean> {
  const { count } = await tx.runbookRun.updateMany({
    where: { id: runId, declaredAt: null },
    data: {
      declaredAt: measured.declaredAt,
      failureAt: measured.failureAt,
      servingAt: measured.servingAt,
      dataAsOf: measured.dataAsOf,
      rtoSeconds: measured.rtoSeconds,
      rpoSeconds: measured.rpoSeconds,
    },
  });
  return count === 1;
}
