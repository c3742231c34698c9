/** A time as people read it in a chat message: minute precision, always UTC and saying so. */
export function utcMinute(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} (UTC)`;
}
