import { describe, expect, it } from 'vitest';
import type { ChangeRequestRecord, DecisionRecord } from '@/lib/db/approvals/change-request-record';
import { describeChangeEvent } from './describe-change-event';

const AT = new Date('2026-11-24T12:00:00.000Z');
const request = (overrides: Partial<ChangeRequestRecord> = {}): ChangeRequestRecord => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'failback',
  reason: 'Primary is healthy again',
  state: 'approved',
  plan: { kind: 'failback', fromRegion: 'canadaeast', toRegion: 'canadacentral', steps: [] },
  planDigest: 'abc',
  preflight: { at: AT.toISOString(), findings: [], expectedDataLossSeconds: null, readiness: 'READY', servingRegion: 'canadaeast', openAlerts: [] },
  requestedById: 'olivia',
  requestedByName: 'Olivia Operator',
  requestedAt: AT,
  expiresAt: new Date('2026-11-24T13:00:00.000Z'),
  approversRequired: 2,
  breakGlass: false,
  justification: null,
  needsReview: false,
  executionStartedAt: null,
  finishedAt: null,
  decisions: [],
  transitions: [],
  ...overrides,
});
const decision = (approverName: string, expiresAt: Date): DecisionRecord => ({
  id: '1',
  approverId: approverName.toLowerCase(),
  approverName,
  approverRoles: ['Admin'],
  decision: 'approve',
  comment: 'ok',
  planDigest: 'abc',
  expiresAt,
  voidedAt: null,
  decidedAt: AT,
  authTime: AT,
  breakGlass: true,
});
const message = (record: ChangeRequestRecord, event: Parameters<typeof describeChangeEvent>[0]['event']) => describeChangeEvent({ request: record, event, at: AT, boardUrl: 'https://b.example/' });

describe('describeChangeEvent', () => {
  it('says a break-glass approval was one Admin alone, with the justification and the review it needs', () => {
    const record = request({ breakGlass: true, justification: 'primary on fire, nobody else awake', approversRequired: 1, decisions: [decision('Adam Admin', new Date('2026-11-24T12:30:00.000Z'))] });
    expect(message(record, 'approved')).toBe(
      'Approved with break-glass by Adam Admin alone: failback canadaeast → canadacentral requested by Olivia Operator; justification: primary on fire, nobody else awake; needs review; it may run until 2026-11-24 13:00 (UTC); open https://b.example/failovers/00000000-0000-4000-8000-000000000001',
    );
  });

  it('counts only the approvals still valid when the event was written', () => {
    const record = request({ state: 'pending', decisions: [decision('Old Approver', new Date('2026-11-24T11:59:00.000Z')), decision('Alice Approver', new Date('2026-11-24T12:30:00.000Z'))] });
    expect(message(record, 'decision')).toMatch(/^Alice Approver approved \(1 of 2\) the failback canadaeast → canadacentral requested by Olivia Operator: ok; 1 more approval needed before 2026-11-24 13:00 \(UTC\); open /);
  });

  it('words each decision as of its own event, even when a later decision is already stored', () => {
    const later = new Date(AT.getTime() + 2_000);
    const alice = { ...decision('Alice Approver', new Date('2026-11-24T12:30:00.000Z')), breakGlass: false };
    const bob = { ...decision('Bob Approver', new Date('2026-11-24T12:30:00.000Z')), id: '2', breakGlass: false, decidedAt: later, comment: 'looks right' };
    const record = request({ state: 'approved', decisions: [alice, bob] });
    expect(message(record, 'decision')).toMatch(/^Alice Approver approved \(1 of 2\) .*: ok; 1 more approval needed/);
    expect(describeChangeEvent({ request: record, event: 'approved', at: later, boardUrl: 'https://b.example/' })).toMatch(/^Approved \(2 of 2\): .*last approval by Bob Approver;/);
  });

  it('names who cancelled when it was not the requester', () => {
    const record = request({ state: 'cancelled', transitions: [{ fromState: 'pending', toState: 'cancelled', actorId: 'adam', actorName: 'Adam Admin', at: AT, comment: 'superseded' }] });
    expect(message(record, 'cancelled')).toBe('Cancelled: Adam Admin withdrew the failback canadaeast → canadacentral requested by Olivia Operator: superseded; open https://b.example/failovers/00000000-0000-4000-8000-000000000001');
  });

  it('tells how the execution ended, with the run outcome the closing transition recorded', () => {
    const done = request({ state: 'done', transitions: [{ fromState: 'executing', toState: 'done', actorId: 'system', actorName: 'Lifeboat', at: AT, comment: 'runbook run succeeded; RTO 4 min, RPO 12 min' }] });
    expect(message(done, 'done')).toBe('Executed: the failback canadaeast → canadacentral requested by Olivia Operator: runbook run succeeded; RTO 4 min, RPO 12 min; open https://b.example/failovers/00000000-0000-4000-8000-000000000001');
    const failed = request({ state: 'failed', transitions: [{ fromState: 'executing', toState: 'failed', actorId: 'system', actorName: 'Lifeboat', at: AT, comment: 'runbook run failed; step shift-weight-10 failed' }] });
    expect(message(failed, 'failed')).toMatch(/^Execution failed: the failback .*: runbook run failed; step shift-weight-10 failed; open /);
  });
});
