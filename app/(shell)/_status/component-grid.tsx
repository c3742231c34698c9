import Link from 'next/link';
import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge } from '@/app/_components/status-badge';
import { COMPONENTS, type ProbeRegion } from '@/lib/domain/probe-results';
import type { StatusSnapshot, TileView } from '@/lib/status/status-snapshot';
import { formatDuration } from './format-duration';
import { Sparkline } from './sparkline';
import { COMPONENT_LABEL, TILE_STATE } from './status-tones';

const COLUMNS: readonly ProbeRegion[] = ['primary', 'secondary', 'global'];

function Tile({ tile }: { tile: TileView }) {
  const state = TILE_STATE[tile.state];
  return (
    <Link
      href={`/components/${tile.component}`}
      data-testid={`tile-${tile.component}-${tile.region}`}
      data-state={tile.state}
      className="block rounded-md border border-slate-800 bg-slate-950/60 p-2.5 hover:border-slate-600 hover:bg-slate-900"
    >
      <span className="sr-only">
        {COMPONENT_LABEL[tile.component]}, {tile.region}:{' '}
      </span>
      <StatusBadge tone={state.tone} label={state.label} />
      <span className="mt-1.5 block text-sm text-slate-200">{tile.summary}</span>
      <span className="mt-1 block text-xs text-slate-400">
        {tile.dataAgeSeconds !== null && <>data age {formatDuration(tile.dataAgeSeconds)} · </>}
        {tile.lastProbeAt ? (
          <>
            probed <RelativeTime iso={tile.lastProbeAt} />
          </>
        ) : (
          'never probed'
        )}
      </span>
      <span className="mt-1 block text-sky-300">
        <Sparkline spark={tile.spark} />
      </span>
    </Link>
  );
}

/** Components × regions; Front Door and Blob geo-replication belong to neither region alone. */
export function ComponentGrid({ snapshot }: { snapshot: StatusSnapshot }) {
  const byKey = new Map(snapshot.tiles.map((tile) => [`${tile.component}:${tile.region}`, tile]));
  const rows = COMPONENTS.filter((component) => snapshot.tiles.some((tile) => tile.component === component));
  const heading = (region: ProbeRegion) => (region === 'global' ? 'Replication / global' : `${snapshot.regions[region].label} (${region})`);
  return (
    <section aria-labelledby="components-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="components-heading" className="text-lg font-semibold">
        Components
      </h2>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full table-fixed border-separate border-spacing-2 text-left text-sm">
          <caption className="sr-only">Each component&apos;s state in the primary and secondary region and across them; open one for its history</caption>
          <thead className="text-slate-400">
            <tr>
              <th scope="col" className="w-36 font-medium">
                Component
              </th>
              {COLUMNS.map((region) => (
                <th key={region} scope="col" className="font-medium">
                  {heading(region)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={4} className="py-4 text-slate-400">
                  No probe has run yet. The leading worker probes every {snapshot.probeIntervalSeconds} s; start one with <code className="font-mono">npm run worker</code>.
                </td>
              </tr>
            )}
            {rows.map((component) => (
              <tr key={component}>
                <th scope="row" className="align-top font-medium">
                  <Link href={`/components/${component}`} className="hover:underline">
                    {COMPONENT_LABEL[component]}
                  </Link>
                </th>
                {COLUMNS.map((region) => {
                  const tile = byKey.get(`${component}:${region}`);
                  return (
                    <td key={region} className="align-top">
                      {tile ? <Tile tile={tile} /> : <span className="text-slate-600">—<span className="sr-only">not applicable</span></span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
