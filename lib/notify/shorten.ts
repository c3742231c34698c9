/** Cuts free text (reasons, comments, details) to `max` characters with an ellipsis, so a message stays within a receiver's limits. */
export function shorten(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
