/** A run clock reading, for "T+ 3m 12s": `45s`, `3m 12s`, `1h 02m 05s` (whole seconds, never negative). */
export function describeOffset(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h}h ${two(m)}m ${two(rest)}s`;
  if (m > 0) return `${m}m ${two(rest)}s`;
  return `${rest}s`;
}
