import type { ArmRequestEntry } from '@/lab/arm/arm-request-log';

const WRITES = ['PUT', 'PATCH', 'DELETE'];

/** Tests: the writes in an ARM request log to the resource whose path ends with `resourcePath` (ARM paths compare case-insensitively). */
export function armWritesTo(requests: readonly ArmRequestEntry[], resourcePath: string): { all: ArmRequestEntry[]; accepted: ArmRequestEntry[] } {
  const suffix = resourcePath.toLowerCase();
  const all = requests.filter((entry) => WRITES.includes(entry.method) && entry.path.toLowerCase().endsWith(suffix));
  return { all, accepted: all.filter((entry) => entry.status >= 200 && entry.status < 300) };
}
