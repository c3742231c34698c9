import { safeReturnTo } from './safe-return-to';

/** The sign-in route with a validated returnTo; `prompt: 'login'` forces a fresh login at the provider. */
export function signInPath(returnTo: string = '/', options: { prompt?: 'login'; maxAge?: number } = {}): string {
  const query = new URLSearchParams({ returnTo: safeReturnTo(returnTo) });
  if (options.prompt) query.set('prompt', options.prompt);
  if (options.maxAge !== undefined) query.set('maxAge', String(options.maxAge));
  return `/auth/sign-in?${query.toString()}`;
}
