import type { ReplicationRunCounts } from '@/lib/db/compliance/summarize-replication-runs';
import type { DrillWithRun } from '@/lib/db/metrics/drill-with-run';
import type { RecoveryRunRecord } from '@/lib/db/metrics/list-recovery-runs';
import { toRecoveryEvent } from '@/lib/metrics/build-failover-metrics';
import { judgeDrill, type Objectives } from '@/lib/metrics/judge-drill';
import type { ControlResult } from './compliance-facts';
import { EVIDENCE_PACK_FORMAT, type DrillInPeriod, type EvidencePack, type ReplicationJobSummary } from './evidence-pack';

export type EvidencePackInput = {
  now: Date;
  generatedBy: EvidencePack['generatedBy'];
  period: { from: Date; to: Date };
  system: Omit<EvidencePack['system'], 'objectives'> & { objectives: Objectives };
  controls: ControlResult[];
  drills: readonly DrillWithRun[];
  /** Real runs started in the period. */
  runs: readonly RecoveryRunRecord[];
  replication: readonly ReplicationRunCounts[];
  auditEventsInPeriod: number;
  chain: { ok: boolean; checked: number; firstBreak: { seq: bigint; reason: string; detail: string } | null; verifiedAt: Date };
  exportEvent: { seq: bigint; hash: string };
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function drillInPeriod(drill: DrillWithRun, objectives: Objectives): DrillInPeriod {
  const judged = judgeDrill(drill, objectives);
  const { run } = drill;
  return {
    id: drill.id,
    title: drill.title,
    state: drill.state,
    environment: drill.environment,
    scheduledFor: drill.scheduledFor.toISOString(),
    requestId: drill.requestId,
    run: run ? { id: run.id, state: run.state, startedAt: run.startedAt.toISOString(), finishedAt: iso(run.finishedAt), servingAt: iso(run.servingAt), rtoSeconds: run.rtoSeconds, rpoSeconds: run.rpoSeconds } : null,
    result: judged?.result ?? 'not-run',
    criteria: judged?.verdict.criteria ?? [],
  };
}

function summarizeJobs(counts: readonly ReplicationRunCounts[]): ReplicationJobSummary[] {
  const jobs = new Map<string, ReplicationJobSummary>();
  for (const { job, state, runs } of counts) {
    const summary = jobs.get(job) ?? { job, runs: 0, succeeded: 0, failed: 0, running: 0 };
    summary.runs += runs;
    if (state === 'succeeded' || state === 'failed' || state === 'running') summary[state] += runs;
    jobs.set(job, summary);
  }
  return [...jobs.values()].sort((a, b) => a.job.localeCompare(b.job));
}

/** The pack: a drill belongs to the period when it was scheduled or its run started in it. */
export function buildEvidencePack(input: EvidencePackInput): EvidencePack {
  const { from, to } = input.period;
  const inPeriod = (at: Date) => at >= from && at < to;
  const objectives = input.system.objectives;
  const drills = input.drills
    .filter((drill) => inPeriod(drill.scheduledFor) || (drill.run !== null && inPeriod(drill.run.startedAt)))
    .sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime() || a.id.localeCompare(b.id))
    .map((drill) => drillInPeriod(drill, objectives));
  const jobs = summarizeJobs(input.replication);
  return {
    format: EVIDENCE_PACK_FORMAT,
    generatedAt: input.now.toISOString(),
    generatedBy: input.generatedBy,
    period: { from: from.toISOString(), to: to.toISOString() },
    system: input.system,
    controls: input.controls,
    drills,
    failovers: input.runs.filter((run) => run.kind !== 'drill' && inPeriod(run.startedAt)).map((run) => toRecoveryEvent(run, objectives)),
    replication: { totalRuns: jobs.reduce((sum, job) => sum + job.runs, 0), jobs },
    audit: {
      eventsInPeriod: input.auditEventsInPeriod,
      chain: {
        ok: input.chain.ok,
        checkedEvents: input.chain.checked,
        firstBreak: input.chain.firstBreak ? { seq: input.chain.firstBreak.seq.toString(), reason: input.chain.firstBreak.reason, detail: input.chain.firstBreak.detail } : null,
        verifiedAt: input.chain.verifiedAt.toISOString(),
      },
      exportEvent: { seq: input.exportEvent.seq.toString(), hash: input.exportEvent.hash },
    },
  };
}
