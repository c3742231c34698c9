/** Set by proxy.ts on every request it lets through: the path and query the browser asked for. */
export const REQUEST_PATH_HEADER = 'x-lifeboat-request-path';
