/** Next.js start-up hook: bad configuration stops the server before it takes a request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stopOnInvalidConfig } = await import('./lib/config/stop-on-invalid-config');
  stopOnInvalidConfig();
}
