'use client';

import { useState } from 'react';
import { RelativeTime } from '@/app/_components/relative-time';
import type { StatusSnapshot, StatusWindow } from '@/lib/status/status-snapshot';
import { AlertsPanel } from './alerts-panel';
import { ComponentGrid } from './component-grid';
import { DatabaseStatus } from './database-status';
import { DrillFacts } from './drill-facts';
import { FailedNotifications } from './failed-notifications';
import { LagChart } from './lag-chart';
import { ReadinessBanner } from './readiness-banner';
import { StaleMarker } from './stale-marker';
import { StatusPollError, useStatusSnapshot } from './use-status-snapshot';

/** The live board: the server's snapshot first, then /api/status every 5 s (304 when nothing changed). */
export function StatusBoard({ initial }: { initial: StatusSnapshot }) {
  const [window, setWindow] = useState<StatusWindow>(initial.window);
  const { data, error, dataUpdatedAt, isPlaceholderData } = useStatusSnapshot(window, initial);
  const snapshot = data ?? initial;
  const checkedAt = new Date(dataUpdatedAt || Date.parse(snapshot.generatedAt)).toISOString();
  return (
    <div className="grid gap-6" data-testid="status-board" data-version={snapshot.version}>
      <StaleMarker probeStale={snapshot.readiness.stale} newestProbeAt={snapshot.readiness.newestProbeAt} intervalSeconds={snapshot.probeIntervalSeconds} pollError={error?.message ?? null} checkedAt={checkedAt} />
      <p className="-mb-4 text-right text-xs text-slate-400">
        checked <RelativeTime iso={checkedAt} /> · refreshes every 5 s
      </p>
      <ReadinessBanner snapshot={snapshot} />
      <DrillFacts drills={snapshot.drills} />
      <ComponentGrid snapshot={snapshot} />
      <div className="grid gap-6 lg:grid-cols-2">
        <AlertsPanel alerts={snapshot.alerts} />
        <FailedNotifications failed={snapshot.failedNotifications} />
      </div>
      <LagChart lag={snapshot.lag} window={window} onWindow={setWindow} rpoObjectiveSeconds={snapshot.readiness.rpo.worst?.objectiveSeconds ?? null} loading={isPlaceholderData} />
      <DatabaseStatus latencyMs={snapshot.database.latencyMs} unreachable={error instanceof StatusPollError && error.status === 503} />
    </div>
  );
}
