/** Where the board shows one request (boardUrl ends in '/'). */
export function changeRequestUrl(boardUrl: string, requestId: string): string {
  return `${boardUrl}failovers/${requestId}`;
}
