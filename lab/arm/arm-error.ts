/** An ARM error: answered as `{ error: { code, message } }` with its HTTP status. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ArmError';
  }

  toBody(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export function resourceNotFound(type: string, name: string, parentDescription?: string): ArmError {
  const under = parentDescription ? ` under ${parentDescription}` : '';
  return new ArmError(404, 'ResourceNotFound', `The Resource '${type}/${name}'${under} was not found.`);
}
