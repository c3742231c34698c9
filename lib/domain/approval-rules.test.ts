import { describe, expect, it } from 'vitest';
import { countQuorum, refuseCancel, refuseDecision, stateAfterDecision, type ApprovalPolicy, type DecisionFacts, type RequestFacts } from './approval-rules';

const NOW = new Date('2026-11-24T12:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const POLICY: ApprovalPolicy = { approversRequired: 2, requestExpiryMinutes: 60, approvalExpiryMinutes: 30, reauthMaxAgeMinutes: 10, breakGlass: { enabled: false, approversRequired: 1 } };
const REQUEST: RequestFacts = { state: 'pending', requestedById: 'operator', planDigest: 'd1', expiresAt: minutes(30), approversRequired: 2 };
const approve = (approverId: string, overrides: Partial<DecisionFacts> = {}): DecisionFacts => ({ approverId, approverName: approverId, decision: 'approve', planDigest: 'd1', expiresAt: minutes(20), voidedAt: null, ...overrides });
const approver = (userId: string, authMinutesAgo = 1) => ({ userId, roles: ['Approver'] as const, authTime: NOW.getTime() / 1000 - authMinutesAgo * 60 });
const refuse = (overrides: Partial<Parameters<typeof refuseDecision>[0]> = {}) =>
  refuseDecision({ request: REQUEST, decisions: [], decider: approver('approver1'), digestSeen: 'd1', now: NOW, policy: POLICY, ...overrides })?.code ?? null;

describe('the two-person rule (pure)', () => {
  it('counts each distinct approver once, for the current digest, unexpired, unvoided, never the requester', () => {
    const decisions = [approve('a1'), approve('a1'), approve('a2', { planDigest: 'd0' }), approve('a3', { expiresAt: minutes(-1) }), approve('a4', { voidedAt: minutes(-5) }), approve('operator')];
    expect(countQuorum(REQUEST, decisions, NOW)).toMatchObject({ valid: 1, met: false, approvers: ['a1'] });
    expect(countQuorum(REQUEST, [approve('a1'), approve('a2')], NOW)).toMatchObject({ valid: 2, met: true });
    expect(countQuorum(REQUEST, [approve('a1'), approve('a2'), approve('a3', { decision: 'deny' })], NOW)).toMatchObject({ met: false, deniedBy: 'a3' });
  });

  it('refuses the requester, a second decision, the wrong role, a stale sign-in, a changed plan, a closed or expired request', () => {
    expect(refuse()).toBeNull();
    expect(refuse({ decider: { ...approver('operator') } })).toBe('self-decision');
    expect(refuse({ decisions: [approve('approver1')] })).toBe('already-decided');
    expect(refuse({ decisions: [approve('approver1', { planDigest: 'd0', voidedAt: minutes(-1) })] })).toBeNull();
    expect(refuse({ decider: { userId: 'ops', roles: ['Operator'], authTime: NOW.getTime() / 1000 } })).toBe('wrong-role');
    expect(refuse({ decider: { userId: 'root', roles: ['Admin'], authTime: NOW.getTime() / 1000 } })).toBe('wrong-role');
    expect(refuse({ decider: approver('approver1', 11) })).toBe('reauth-required');
    expect(refuse({ decider: approver('approver1', 10) })).toBeNull();
    expect(refuse({ digestSeen: 'd0' })).toBe('digest-mismatch');
    expect(refuse({ request: { ...REQUEST, state: 'denied' } })).toBe('not-pending');
    expect(refuse({ request: { ...REQUEST, expiresAt: NOW } })).toBe('expired');
  });

  it('break-glass: refused while disabled, only for an Admin, never for the requester', () => {
    const admin = { userId: 'root', roles: ['Admin'] as const, authTime: NOW.getTime() / 1000 };
    expect(refuse({ decider: admin, breakGlass: true })).toBe('break-glass-disabled');
    const enabled = { ...POLICY, breakGlass: { enabled: true, approversRequired: 1 } };
    expect(refuse({ decider: admin, breakGlass: true, policy: enabled })).toBeNull();
    expect(refuse({ decider: approver('approver1'), breakGlass: true, policy: enabled })).toBe('wrong-role');
    expect(refuse({ decider: { ...admin, userId: 'operator' }, breakGlass: true, policy: enabled })).toBe('self-decision');
  });

  it('a deny ends a request, the quorum approves it, and only the requester cancels before it starts', () => {
    expect(stateAfterDecision(REQUEST, [approve('a1')], NOW)).toBe('pending');
    expect(stateAfterDecision(REQUEST, [approve('a1'), approve('a2')], NOW)).toBe('approved');
    expect(stateAfterDecision(REQUEST, [approve('a1'), approve('a2', { decision: 'deny' })], NOW)).toBe('denied');
    expect(refuseCancel(REQUEST, 'operator')).toBeNull();
    expect(refuseCancel(REQUEST, 'approver1')).toBe('Only the requester can cancel a request.');
    expect(refuseCancel({ ...REQUEST, state: 'executing' }, 'operator')).toBe('The request is executing; it can no longer be cancelled.');
  });
});
