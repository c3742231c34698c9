/** What a handler answers; handle-arm-request serialises it. No body means an empty response. */
export type ArmResponse = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};
