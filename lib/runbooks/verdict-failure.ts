/**
 * A step's own finding (a region unfit to serve, a failed health gate), not a failed call: its
 * reasons may quote "ECONNREFUSED" or "HTTP 503", yet asking again at once would give the same answer.
 */
export class VerdictFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VerdictFailure';
  }
}
