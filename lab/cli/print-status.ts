import type { LabStatus } from '../supervisor/lab-status';

export function formatStatus(status: LabStatus): string {
  const rows = status.services.map((s) => [s.name, s.region ?? '-', s.state === 'up' ? 'up' : 'DOWN', s.url]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['service', 'region', 'state'][i]!.length));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ');
  return [
    `lab supervisor pid ${status.pid}, up since ${status.startedAt}${status.ready ? '' : ' (starting)'}`,
    line(['service', 'region', 'state', 'url']),
    ...rows.map(line),
    status.seed ? `seeded: ${status.seed.points} points in the primary Qdrant, ${status.seed.redisKeys} keys in the primary Redis` : 'not seeded yet',
    status.faults.length ? `active faults: ${status.faults.join('; ')}` : 'no active faults',
  ].join('\n');
}
