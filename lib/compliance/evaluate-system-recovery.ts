import type { DrillCriterion } from '@/lib/domain/drill-criteria';
import { combineEvidence } from './combine-evidence';
import type { ComplianceFacts, ControlResult, EvidenceItem, EvidenceStatus } from './compliance-facts';

const CONTROL = { id: 'CP-10', title: 'System recovery and reconstitution', requirement: 'The system can be recovered to a known state within the objectives, as demonstrated by the newest recovery drill.' } as const;

const STATUS = { true: 'pass', false: 'fail', null: 'unknown' } as const satisfies Record<string, EvidenceStatus>;
const statusOf = (passed: boolean | null): EvidenceStatus => STATUS[`${passed}`];

/** CP-10: the newest drill that ran, judged by the plan's criteria (evaluateDrillCriteria); a failed drill fails the control. */
export function evaluateSystemRecovery({ newestDrill }: ComplianceFacts): ControlResult {
  if (!newestDrill) return combineEvidence(CONTROL, [{ id: 'newest-drill', label: 'Newest recovery drill', status: 'unknown', detail: 'no drill has run yet', observedAt: null, href: '/drills' }]);
  const href = `/drills/${newestDrill.id}`;
  const observedAt = newestDrill.ranAt.toISOString();
  const { criteria, passed } = newestDrill.verdict;
  const notPassed = criteria.filter((c) => c.passed !== true);
  const outcome = passed === true ? 'passed every criterion' : passed === false ? `failed: ${notPassed.filter((c) => c.passed === false).map((c) => `${c.label} (${c.evidence})`).join('; ') || `its run ${newestDrill.run.state}`}` : `still open: ${notPassed.map((c) => `${c.label} (${c.evidence})`).join('; ')}`;
  const drill: EvidenceItem = { id: 'newest-drill', label: `Newest recovery drill: ${newestDrill.title}`, status: statusOf(passed), detail: `ran ${observedAt}, run ${newestDrill.run.state}; ${outcome}`, observedAt, href };
  const criterion = (c: DrillCriterion): EvidenceItem => ({ id: `drill-${c.id}`, label: c.label, status: statusOf(c.passed), detail: c.evidence, observedAt, href });
  return combineEvidence(CONTROL, [drill, ...criteria.map(criterion)]);
}
