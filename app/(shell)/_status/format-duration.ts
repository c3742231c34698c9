/** Seconds as an ops reader wants them: "45 s", "12 min", "3.5 h", "2.1 d"; "unknown" when not measured. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return 'unknown';
  const s = Math.max(0, seconds);
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  if (s < 36 * 3600) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86_400).toFixed(1)} d`;
}

/** A sparkline or chart value with its unit. */
export function formatValue(value: number | null | undefined, unit: 'ms' | 's'): string {
  if (value === null || value === undefined) return 'no value';
  return unit === 'ms' ? `${Math.round(value)} ms` : formatDuration(value);
}
