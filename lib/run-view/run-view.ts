import type { JsonValue, RunState, StepOutput, StepState } from '@/lib/db/runbooks/runbook-record';
import type { TimedStepRow } from './timed-step-rows';
import type { ChangeKind } from '@/lib/domain/change-plan';
import type { RunProgress } from '@/lib/domain/run-progress';
import type { RtoClockFrom } from './rto-clock-start';

export type { RunState, StepState, StepOutput, JsonValue, RtoClockFrom };

/** One step as the live view shows it; times are ISO strings, offsets seconds after the run started. */
export type RunViewStep = TimedStepRow & { dependsOn: string[]; onCriticalPath: boolean; output: StepOutput | null };

export type RunViewAuditEvent = { seq: string; at: string; actorName: string; action: string; outcome: string; targetType: string; targetId: string };

/** The JSON document of GET /api/runs/<id>: what the run view polls while a run is running. */
export type RunView = {
  generatedAt: string;
  run: {
    id: string;
    requestId: string | null;
    kind: ChangeKind;
    fromRegion: string;
    toRegion: string;
    planDigest: string;
    state: RunState;
    dryRun: boolean;
    startedAt: string;
    finishedAt: string | null;
    abortRequestedAt: string | null;
    abortRequestedBy: string | null;
    error: string | null;
    /** A running run nobody executes yet (no live lease): waiting for a worker to pick it up. */
    waitingForWorker: boolean;
  };
  /** Step ids by stage: the columns of the DAG. */
  stages: string[][];
  steps: RunViewStep[];
  /** Where the elapsed clock starts: a real run's RTO counts from the request (as the recorded RTO does), a dry run's from its start. */
  rtoClock: { from: RtoClockFrom; startedAt: string };
  /** Elapsed since rtoClock.startedAt as of generatedAt (to the end for a finished run) against the RTO objective. */
  progress: RunProgress;
  measured: { rtoSeconds: number | null; rpoSeconds: number | null; declaredAt: string | null; failureAt: string | null; servingAt: string | null; dataAsOf: string | null; rtoObjectiveSeconds: number; rpoObjectiveSeconds: number };
  audit: RunViewAuditEvent[];
  /** The run has ended but its request is still executing: the job is recording RTO/RPO and closing it, so keep polling. */
  closing: boolean;
};

/** The JSON document of GET /api/changes/<id>/run-state: what "Starting…" polls until the real run exists. */
export type RequestRunState = { state: string; runId: string | null };
