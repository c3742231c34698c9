import type { ChangeNotificationEvent } from '@/lib/db/approvals/enqueue-change-notifications';
import { countQuorum } from '@/lib/domain/approval-rules';
import { adaptiveCardMessage } from '../adaptive-card-message';
import { shorten } from '../shorten';
import type { ChangeNotificationMessage } from './change-notification-message';
import { changeRequestUrl } from './change-request-url';
import { describeChangeEvent } from './describe-change-event';
import { utcMinute } from './utc-minute';

// The event in words first (never colour alone); the colour only repeats it.
const HEADLINE: Record<ChangeNotificationEvent, { text: string; color: string }> = {
  requested: { text: '🟡 APPROVAL NEEDED', color: 'Warning' },
  decision: { text: '🗳️ DECISION RECORDED', color: 'Accent' },
  approved: { text: '✅ APPROVED', color: 'Good' },
  denied: { text: '⛔ DENIED', color: 'Attention' },
  expired: { text: '⌛ EXPIRED', color: 'Default' },
  cancelled: { text: '✖️ CANCELLED', color: 'Default' },
  done: { text: '🏁 EXECUTED', color: 'Good' },
  failed: { text: '🚨 EXECUTION FAILED', color: 'Attention' },
  'drill-started': { text: '🧪 DRILL STARTING', color: 'Accent' },
};

/** A Teams message for a request event: the headline, the plain sentence, the request's facts, a link to the request. */
export function buildChangeTeamsMessage(message: ChangeNotificationMessage) {
  const { request, event, at, boardUrl } = message;
  const quorum = countQuorum(request, request.decisions, at);
  const decision = request.decisions.at(-1);
  const facts = [
    { title: 'Requested by', value: request.requestedByName },
    { title: 'Reason', value: shorten(request.reason) },
    { title: 'State', value: request.state.toUpperCase() },
    { title: 'Approvals', value: `${quorum.valid} of ${quorum.required}` },
    { title: 'Expires', value: utcMinute(request.expiresAt) },
    { title: 'Plan digest', value: request.planDigest },
    ...(decision ? [{ title: 'Latest decision', value: `${decision.approverName}: ${decision.decision} (${shorten(decision.comment, 200)})` }] : []),
  ];
  return adaptiveCardMessage(
    [
      { type: 'TextBlock', text: `${HEADLINE[event].text} · ${request.kind}`, weight: 'Bolder', color: HEADLINE[event].color, wrap: true },
      { type: 'TextBlock', text: `${request.kind} ${request.plan.fromRegion} → ${request.plan.toRegion}`, size: 'Large', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: describeChangeEvent(message), wrap: true },
      { type: 'FactSet', facts },
    ],
    [{ type: 'Action.OpenUrl', title: 'Open the request in Lifeboat', url: changeRequestUrl(boardUrl, request.id) }],
  );
}
