/**
 * A failure the user can act on (a precondition no longer holds, a state moved on). Actions turn
 * it into a message; anything else is a bug and goes to the error page.
 */
export class ExpectedFailure extends Error {
  constructor(
    message: string,
    readonly code: string = 'failed',
  ) {
    super(message);
    this.name = 'ExpectedFailure';
  }
}
