import { randomBytes } from 'node:crypto';

/** A request reference in the shape of Front Door's `X-Azure-Ref` (UTC timestamp, then an opaque id). */
export function makeAzureRef(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return `${stamp}-lab${randomBytes(12).toString('hex')}`;
}
