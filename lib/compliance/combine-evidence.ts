import type { ControlId, ControlResult, EvidenceItem, EvidenceStatus } from './compliance-facts';

/** Any failing item fails the control; otherwise any unknown item (or no evidence at all) leaves it unknown. */
export function worstStatus(items: readonly EvidenceItem[]): EvidenceStatus {
  if (items.some((item) => item.status === 'fail')) return 'fail';
  if (items.length === 0 || items.some((item) => item.status === 'unknown')) return 'unknown';
  return 'pass';
}

function summarize(items: readonly EvidenceItem[]): string {
  const failing = items.filter((item) => item.status === 'fail');
  const unknown = items.filter((item) => item.status === 'unknown');
  if (items.length === 0) return 'no evidence recorded';
  if (failing.length > 0) return `${failing.length} of ${items.length} evidence items failing: ${failing.map((item) => item.label).join('; ')}`;
  if (unknown.length > 0) return `${unknown.length} of ${items.length} evidence items cannot be judged yet: ${unknown.map((item) => item.label).join('; ')}`;
  return `all ${items.length} evidence items pass`;
}

export function combineEvidence(control: { id: ControlId; title: string; requirement: string }, evidence: EvidenceItem[]): ControlResult {
  return { ...control, status: worstStatus(evidence), summary: summarize(evidence), evidence };
}
