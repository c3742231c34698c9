/** One line naming what failed: HTTP status and Qdrant's own error text, or the socket error code. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const parts = [error.message];
  const extra = error as Error & { status?: unknown; data?: unknown; cause?: unknown; code?: unknown };
  if (typeof extra.status === 'number' && !error.message.includes(String(extra.status))) parts.unshift(`HTTP ${extra.status}`);
  const data = extra.data as { status?: { error?: unknown } } | undefined;
  if (typeof data?.status?.error === 'string') parts.push(data.status.error);
  const cause = extra.cause as { code?: unknown; message?: unknown } | undefined;
  if (typeof cause?.code === 'string') parts.push(cause.code);
  else if (typeof cause?.message === 'string') parts.push(cause.message);
  if (typeof extra.code === 'string' && !parts.includes(extra.code)) parts.push(extra.code);
  return parts.join(': ');
}
