import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalActorOf } from '@/app/(shell)/failovers/approval-actor-of';
import { breakGlassDefinition } from '@/app/(shell)/failovers/break-glass-definition';
import { cancelChangeDefinition } from '@/app/(shell)/failovers/cancel-change-definition';
import type { ChangeActionDeps } from '@/app/(shell)/failovers/change-action-deps';
import { createChangeDefinition } from '@/app/(shell)/failovers/create-change-definition';
import { decideDefinition } from '@/app/(shell)/failovers/decide-definition';
import { rebuildPlanDefinition } from '@/app/(shell)/failovers/rebuild-plan-definition';
import { submitChangeDefinition } from '@/app/(shell)/failovers/submit-change-definition';
import type { ActionResult } from '@/lib/actions/action-result';
import { runSecureAction, type Actor } from '@/lib/actions/run-secure-action';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { getConfig } from '@/lib/config/get-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { Preflight } from '@/lib/db/approvals/change-request-record';
import { expireChangeRequests } from '@/lib/db/approvals/expire-change-requests';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { ExpectedFailure } from '@/lib/domain/errors';
import type { Role } from '@/lib/domain/roles';
import { readPreflight } from './read-preflight';
import { startExecution } from './start-execution';

// Every rule of the two-person rule (DESIGN.md), through the same action definitions the pages post
// to (runSecureAction: role → zod → lib/approvals + audit), and the database triggers behind them.

const MINUTE = 60_000;
const lab = getConfig();
const policy = (breakGlass: boolean): LifeboatConfig => ({ ...lab, approvals: { ...lab.approvals, approversRequired: 2, breakGlass: { ...lab.approvals.breakGlass, enabled: breakGlass, approversRequired: 1 } } });
const standard = policy(false);
const withBreakGlass = policy(true);
// Another topology: the secondary's production node count differs, so the rebuilt plan has another digest.
const resized: LifeboatConfig = {
  ...standard,
  components: { ...standard.components, aks: { ...standard.components.aks, secondary: { ...standard.components.aks.secondary, productionNodeCount: standard.components.aks.secondary.productionNodeCount + 2 } } },
};

const PREFLIGHT: Preflight = { at: new Date().toISOString(), findings: [{ severity: 'info', text: 'Expected data loss: about 4 min' }], expectedDataLossSeconds: 240, readiness: 'READY', servingRegion: 'canadacentral', openAlerts: [] };

function deps(config: LifeboatConfig = standard, now: () => Date = () => new Date()): ChangeActionDeps {
  return { config: () => config, now, readPreflight: async () => PREFLIGHT };
}

const fresh = () => Math.floor(Date.now() / 1000);
const person = (userId: string, name: string, roles: Role[], authTime = fresh()): Actor => ({ userId, name, roles, authTime });
const operator = person('operator', 'Omar Operator', ['Operator']);
const approver = (n: number, authTime = fresh()) => person(`approver${n}`, `Approver ${n}`, ['Approver'], authTime);
const viewer = person('viewer', 'Vera Viewer', ['Viewer']);
const architect = person('architect', 'Ada Architect', ['Architect']);
const admin = person('admin', 'Adam Admin', ['Admin']);
/** Holds both roles: can request and approve, just never their own request. */
const omni = person('omni', 'Olga Operator-Approver', ['Operator', 'Approver']);

const approve = decideDefinition('approve', deps());
const deny = decideDefinition('deny', deps());

function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error}: ${result.message}`);
  return result.data;
}

describe('the two-person rule', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  /** A submitted (pending) failover by `requester`, made through the actions. */
  async function pendingRequest(requester: Actor = operator, options: { config?: LifeboatConfig; now?: () => Date } = {}) {
    const d = deps(options.config, options.now);
    const created = ok(await runSecureAction(createChangeDefinition(d), requester, { kind: 'failover', reason: 'primary region is degraded: rehearse the switch' }, t.db));
    ok(await runSecureAction(submitChangeDefinition(d), requester, { id: created.id }, t.db));
    return created;
  }
  const read = async (id: string) => (await readChangeRequest(t.db, id))!;
  const eventsFor = (id: string, action: string) => t.db.auditEvent.findMany({ where: { targetId: id, action }, orderBy: { seq: 'asc' } });
  const decide = (definition: typeof approve, actor: Actor, id: string, digest: string, comment = 'checked the plan and the data loss') =>
    runSecureAction(definition, actor, { id, digest, comment }, t.db);

  it('creates a draft with the real pre-flight (database only), then submits it: audited with its digest', async () => {
    const created = ok(await runSecureAction(createChangeDefinition({ ...deps(), readPreflight }), operator, { kind: 'failback', reason: 'return to the primary after the drill' }, t.db));
    const draft = await read(created.id);
    expect(draft).toMatchObject({ state: 'draft', kind: 'failback', requestedById: 'operator', approversRequired: 2, planDigest: created.planDigest });
    expect(draft.plan).toMatchObject({ fromRegion: lab.regions.secondary.name, toRegion: lab.regions.primary.name });
    expect(draft.preflight.findings.length).toBeGreaterThan(0);
    const [createdEvent] = await eventsFor(created.id, 'change.create');
    expect(createdEvent?.payload).toMatchObject({ planDigest: created.planDigest, input: { kind: 'failback' } });

    ok(await runSecureAction(submitChangeDefinition(deps()), operator, { id: created.id }, t.db));
    expect((await read(created.id)).state).toBe('pending');
    expect((await eventsFor(created.id, 'change.submit'))[0]?.payload).toMatchObject({ planDigest: created.planDigest });
  });

  it('refuses invalid input before anything runs: bad id, short reason, a digest that is not sha256', async () => {
    expect(await runSecureAction(createChangeDefinition(deps()), operator, { kind: 'evacuate', reason: 'short' }, t.db)).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { kind: expect.any(Array), reason: expect.any(Array) } });
    expect(await decide(approve, approver(1), 'not-a-uuid', 'abc', 'x')).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { id: expect.any(Array), digest: expect.any(Array), comment: expect.any(Array) } });
  });

  it('never lets the requester approve their own request: refused, audited as a failure, nothing written', async () => {
    const { id, planDigest } = await pendingRequest(omni);
    const result = await decide(approve, omni, id, planDigest);
    expect(result).toMatchObject({ ok: false, error: 'failed', code: 'self-decision' });
    expect((await read(id)).decisions).toEqual([]);
    const [event] = await eventsFor(id, 'change.approve');
    expect(event).toMatchObject({ outcome: 'failure', actorId: 'omni' });
    expect(event?.payload).toMatchObject({ code: 'self-decision', input: { digest: planDigest } });
  });

  it('counts each approver once: a second approval (or a deny) by the same person is refused', async () => {
    const { id, planDigest } = await pendingRequest();
    expect(ok(await decide(approve, approver(1), id, planDigest))).toEqual({ state: 'pending' });
    expect(await decide(approve, approver(1), id, planDigest)).toMatchObject({ ok: false, code: 'already-decided' });
    expect(await decide(deny, approver(1), id, planDigest)).toMatchObject({ ok: false, code: 'already-decided' });
    const request = await read(id);
    expect(request.state).toBe('pending');
    expect(request.decisions.map((d) => d.approverId)).toEqual(['approver1']);
    const [success] = (await eventsFor(id, 'change.approve')).filter((e) => e.outcome === 'success');
    expect(success?.payload).toMatchObject({ planDigest, comment: 'checked the plan and the data loss' });
  });

  it('binds an approval to the digest shown: another digest is refused', async () => {
    const { id } = await pendingRequest();
    expect(await decide(approve, approver(1), id, 'f'.repeat(64))).toMatchObject({ ok: false, code: 'digest-mismatch' });
    expect((await read(id)).decisions).toEqual([]);
  });

  it('voids every approval when the rebuilt plan has another digest; the old digest is refused after it', async () => {
    const { id, planDigest } = await pendingRequest();
    ok(await decide(approve, approver(1), id, planDigest));

    const same = ok(await runSecureAction(rebuildPlanDefinition(deps()), operator, { id }, t.db));
    expect(same).toEqual({ planDigest, changed: false });
    expect((await read(id)).decisions[0]?.voidedAt).toBeNull();
    expect(await runSecureAction(rebuildPlanDefinition(deps()), approver(2), { id }, t.db)).toMatchObject({ ok: false, error: 'forbidden' });

    const rebuilt = ok(await runSecureAction(rebuildPlanDefinition(deps(resized)), operator, { id }, t.db));
    expect(rebuilt.changed).toBe(true);
    expect(rebuilt.planDigest).not.toBe(planDigest);
    const afterRebuild = await read(id);
    expect(afterRebuild.decisions[0]?.voidedAt).toBeInstanceOf(Date);
    expect((await eventsFor(id, 'change.rebuild-plan')).at(-1)?.payload).toMatchObject({ changed: true, previousDigest: planDigest, planDigest: rebuilt.planDigest });

    expect(await decide(approve, approver(2), id, planDigest)).toMatchObject({ ok: false, code: 'digest-mismatch' });
    // The voided approval does not count: two fresh approvals of the new plan are needed, and its approver may give one.
    expect(ok(await decide(approve, approver(2), id, rebuilt.planDigest))).toEqual({ state: 'pending' });
    expect(ok(await decide(approve, approver(1), id, rebuilt.planDigest))).toEqual({ state: 'approved' });
    expect((await read(id)).decisions.map((d) => [d.approverId, d.voidedAt === null])).toEqual([
      ['approver1', false],
      ['approver2', true],
      ['approver1', true],
    ]);
    // An approved plan cannot be rebuilt any more.
    expect(await runSecureAction(rebuildPlanDefinition(deps()), operator, { id }, t.db)).toMatchObject({ ok: false, code: 'not-pending' });
  });

  it('refuses decisions on an expired request, and the expiry sweep closes it', async () => {
    const twoHoursAgo = new Date(Date.now() - 120 * MINUTE);
    const { id, planDigest } = await pendingRequest(operator, { now: () => twoHoursAgo });
    expect((await read(id)).expiresAt.getTime()).toBeLessThan(Date.now());
    expect(await decide(approve, approver(1), id, planDigest)).toMatchObject({ ok: false, code: 'expired' });
    expect(await t.db.$transaction((tx) => expireChangeRequests(tx, new Date()))).toContain(id);
    expect(await decide(approve, approver(1), id, planDigest)).toMatchObject({ ok: false, code: 'not-pending' });
    expect((await read(id)).state).toBe('expired');
  });

  it('lets approvals expire: once they are older than approvalExpiryMinutes the quorum no longer holds at execution', async () => {
    const { id, planDigest } = await pendingRequest();
    ok(await decide(approve, approver(1), id, planDigest));
    expect(ok(await decide(approve, approver(2), id, planDigest))).toEqual({ state: 'approved' });
    const later = new Date(Date.now() + (standard.approvals.approvalExpiryMinutes + 1) * MINUTE);
    const attempt = t.db.$transaction((tx) => startExecution(tx, id, { id: 'runbook', name: 'Runbook engine' }, later));
    await expect(attempt).rejects.toMatchObject({ code: 'quorum-lost' });
    expect((await read(id)).state).toBe('approved');
  });

  it('ends a request on one deny: approving after it is refused', async () => {
    const { id, planDigest } = await pendingRequest();
    expect(ok(await decide(deny, approver(1), id, planDigest, 'the secondary has not been restored recently'))).toEqual({ state: 'denied' });
    expect(await decide(approve, approver(2), id, planDigest)).toMatchObject({ ok: false, code: 'not-pending' });
    const request = await read(id);
    expect(request.state).toBe('denied');
    expect(request.transitions.at(-1)).toMatchObject({ toState: 'denied', actorId: 'approver1', comment: expect.stringContaining('the secondary has not been restored recently') });
  });

  it('refuses the wrong roles: Viewer, Operator and Architect cannot decide, an Admin only through break-glass, an Operator never through it', async () => {
    const { id, planDigest } = await pendingRequest();
    for (const actor of [viewer, operator, architect]) {
      expect(await decide(approve, actor, id, planDigest)).toMatchObject({ ok: false, error: 'forbidden', message: 'This needs the Approver role.' });
    }
    expect(await decide(approve, admin, id, planDigest)).toMatchObject({ ok: false, error: 'failed', code: 'wrong-role' });
    const glass = breakGlassDefinition(deps(withBreakGlass));
    expect(await runSecureAction(glass, operator, { id, digest: planDigest, justification: 'primary is on fire and nobody answers' }, t.db)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await runSecureAction(createChangeDefinition(deps()), viewer, { kind: 'failover', reason: 'a viewer should not be able to ask' }, t.db)).toMatchObject({ ok: false, error: 'forbidden' });
    expect((await read(id)).decisions).toEqual([]);
    const denied = await t.db.auditEvent.findMany({ where: { action: { in: ['change.approve', 'change.break-glass'] }, outcome: 'denied', actorId: { in: ['viewer', 'operator', 'architect'] } } });
    expect(denied.length).toBeGreaterThanOrEqual(4);
  });

  it('requires a recent sign-in: older than reauthMaxAgeMinutes answers reauth-required, writing nothing', async () => {
    const { id, planDigest } = await pendingRequest();
    const stale = approver(1, fresh() - (standard.approvals.reauthMaxAgeMinutes + 1) * 60);
    const result = await decide(approve, stale, id, planDigest);
    expect(result).toMatchObject({ ok: false, code: 'reauth-required' });
    expect((await read(id)).decisions).toEqual([]);
    expect(await decide(approve, { ...stale, authTime: undefined }, id, planDigest)).toMatchObject({ ok: false, code: 'reauth-required' });
    const recent = approver(1, fresh() - (standard.approvals.reauthMaxAgeMinutes - 1) * 60);
    expect(ok(await decide(approve, recent, id, planDigest))).toEqual({ state: 'pending' });
  });

  it('approves exactly once when several approvers decide at the same moment', async () => {
    const { id, planDigest } = await pendingRequest();
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => decide(approve, approver(n), id, planDigest)));
    const states = results.flatMap((r) => (r.ok ? [r.data.state] : []));
    expect(states.sort()).toEqual(['approved', 'pending']);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(['not-pending', 'not-pending', 'not-pending', 'not-pending']);
    const request = await read(id);
    expect(request.state).toBe('approved');
    expect(request.decisions).toHaveLength(2);
    expect(request.transitions.filter((tr) => tr.toState === 'approved')).toHaveLength(1);
  });

  it('starts execution once when callers race', async () => {
    const { id, planDigest } = await pendingRequest();
    ok(await decide(approve, approver(1), id, planDigest));
    ok(await decide(approve, approver(2), id, planDigest));
    const attempts = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => t.db.$transaction((tx) => startExecution(tx, id, { id: `engine-${n}`, name: `Engine ${n}` }))));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toEqual([{ status: 'fulfilled', value: { planDigest } }]);
    for (const failed of attempts.filter((a) => a.status === 'rejected')) expect(failed.reason).toBeInstanceOf(ExpectedFailure);
    const request = await read(id);
    expect(request.state).toBe('executing');
    expect(request.executionStartedAt).toBeInstanceOf(Date);
    expect(request.transitions.filter((tr) => tr.toState === 'executing')).toHaveLength(1);
  });

  it('break-glass: refused while the policy turns it off; when on, an Admin approves alone, marked for review, paging SEV-1', async () => {
    const { id, planDigest } = await pendingRequest();
    const justification = 'primary region down for 40 min, second approver unreachable';
    expect(await runSecureAction(breakGlassDefinition(deps(standard)), admin, { id, digest: planDigest, justification }, t.db)).toMatchObject({ ok: false, code: 'break-glass-disabled' });
    expect(await runSecureAction(breakGlassDefinition(deps(withBreakGlass)), admin, { id, digest: planDigest, justification: 'too short' }, t.db)).toMatchObject({ ok: false, error: 'invalid' });

    expect(ok(await runSecureAction(breakGlassDefinition(deps(withBreakGlass)), admin, { id, digest: planDigest, justification }, t.db))).toEqual({ state: 'approved' });
    const request = await read(id);
    expect(request).toMatchObject({ state: 'approved', breakGlass: true, needsReview: true, justification, approversRequired: 1 });
    expect(request.decisions).toMatchObject([{ approverId: 'admin', breakGlass: true, planDigest }]);
    const alert = await t.db.alert.findFirstOrThrow({ where: { rule: 'break-glass-used', dedupKey: `break-glass-used:${id}` } });
    expect(alert).toMatchObject({ severity: 'SEV-1', state: 'firing' });
    const [event] = await eventsFor(id, 'change.break-glass').then((events) => events.filter((e) => e.outcome === 'success'));
    expect(event?.payload).toMatchObject({ breakGlass: true, planDigest, comment: justification });
    // An Admin's break-glass on their own request is still a self-approval.
    const own = await pendingRequest(admin);
    expect(await runSecureAction(breakGlassDefinition(deps(withBreakGlass)), admin, { id: own.id, digest: own.planDigest, justification }, t.db)).toMatchObject({ ok: false, code: 'self-decision' });
  });

  it('lets only the requester cancel, with a comment, while nothing has started', async () => {
    const { id } = await pendingRequest();
    expect(await runSecureAction(cancelChangeDefinition(deps()), admin, { id, comment: 'not yours to cancel' }, t.db)).toMatchObject({ ok: false, code: 'not-cancellable' });
    expect(await runSecureAction(cancelChangeDefinition(deps()), operator, { id, comment: '' }, t.db)).toMatchObject({ ok: false, error: 'invalid' });
    ok(await runSecureAction(cancelChangeDefinition(deps()), operator, { id, comment: 'primary recovered by itself' }, t.db));
    expect((await read(id)).transitions.at(-1)).toMatchObject({ toState: 'cancelled', comment: 'primary recovered by itself' });
  });

  describe('the database refuses writes that bypass lib/approvals', () => {
    it('a decision inserted for the requester, or for another digest', async () => {
      const { id, planDigest } = await pendingRequest();
      const row = { requestId: id, approverName: 'x', approverRoles: ['Approver'], decision: 'approve', comment: 'direct write', authTime: new Date(), expiresAt: new Date(Date.now() + 30 * MINUTE) };
      await expect(t.db.approvalDecision.create({ data: { ...row, approverId: 'operator', planDigest } })).rejects.toThrow(/requester cannot decide/);
      await expect(t.db.approvalDecision.create({ data: { ...row, approverId: 'approver9', planDigest: 'e'.repeat(64) } })).rejects.toThrow(/decision for plan/);
      await t.db.approvalDecision.create({ data: { ...row, approverId: 'approver9', planDigest } });
      await expect(t.db.approvalDecision.create({ data: { ...row, approverId: 'approver9', planDigest } })).rejects.toThrow(/ApprovalDecision_one_live_per_approver|Unique constraint/);
      expect((await read(id)).decisions.map((d) => d.approverId)).toEqual(['approver9']);
    });

    it('a request set to approved without its quorum', async () => {
      const { id, planDigest } = await pendingRequest();
      ok(await decide(approve, approver(1), id, planDigest));
      await expect(t.db.changeRequest.update({ where: { id }, data: { state: 'approved' } })).rejects.toThrow(/lacks its 2 valid approvals/);
      await expect(t.db.changeRequest.update({ where: { id }, data: { approversRequired: 1 } })).rejects.toThrow(/only through break-glass/);
      expect((await read(id)).state).toBe('pending');
    });

    it('a request executed twice', async () => {
      const { id, planDigest } = await pendingRequest();
      ok(await decide(approve, approver(1), id, planDigest));
      ok(await decide(approve, approver(2), id, planDigest));
      await t.db.$transaction((tx) => startExecution(tx, id, { id: 'engine', name: 'Engine' }));
      await expect(t.db.changeRequest.update({ where: { id }, data: { executionStartedAt: new Date() } })).rejects.toThrow(/set only when execution starts/);
      await expect(t.db.changeRequest.update({ where: { id }, data: { state: 'approved' } })).rejects.toThrow(/cannot go from executing to approved/);
      await t.db.changeRequest.update({ where: { id }, data: { state: 'done' } });
      await expect(t.db.changeRequest.update({ where: { id }, data: { state: 'executing' } })).rejects.toThrow(/cannot go from done to executing/);
    });

    it('a request, a decision or a transition deleted or rewritten', async () => {
      const { id, planDigest } = await pendingRequest();
      ok(await decide(approve, approver(1), id, planDigest));
      await expect(t.db.changeRequest.delete({ where: { id } })).rejects.toThrow(/DELETE refused/);
      await expect(t.db.approvalDecision.updateMany({ where: { requestId: id }, data: { comment: 'rewritten' } })).rejects.toThrow(/immutable except for voiding/);
      await expect(t.db.approvalDecision.deleteMany({ where: { requestId: id } })).rejects.toThrow(/DELETE refused/);
      await expect(t.db.changeRequestTransition.deleteMany({ where: { requestId: id } })).rejects.toThrow(/append-only/);
      expect(await read(id)).toMatchObject({ state: 'pending', decisions: [{ approverId: 'approver1', comment: 'checked the plan and the data loss' }] });
    });
  });

  it('keeps the audit chain intact through all of it', async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    expect(approvalActorOf({ userId: 'u', name: 'U', roles: ['Approver'] })).toEqual({ userId: 'u', name: 'U', roles: ['Approver'], authTime: 0 });
  });
});
