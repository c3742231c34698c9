/** Bytes over a run's whole duration in MB/s (10^6 bytes, as the pipelines report); null when either is unknown or zero. */
export function measureThroughputMBps(bytes: number | null, durationMs: number | null): number | null {
  if (bytes === null || durationMs === null || bytes <= 0 || durationMs <= 0) return null;
  return bytes / 1e6 / (durationMs / 1000);
}
