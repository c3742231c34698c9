/** "2026-11-24 10:05" (or with `:ss` when `seconds`), the UTC wall time of an ISO string or a Date. */
export function utcText(at: string | Date, seconds = false): string {
  const iso = typeof at === 'string' ? at : at.toISOString();
  return iso.replace('T', ' ').slice(0, seconds ? 19 : 16);
}

/** "2026-11-24 10:05 UTC": a time where no column header already says UTC. */
export function formatUtc(at: string | Date, seconds = false): string {
  return `${utcText(at, seconds)} UTC`;
}
