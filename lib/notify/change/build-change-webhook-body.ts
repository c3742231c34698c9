import { countQuorum } from '@/lib/domain/approval-rules';
import type { ChangeNotificationMessage } from './change-notification-message';
import { changeRequestUrl } from './change-request-url';
import { describeChangeEvent } from './describe-change-event';

/** The generic webhook's JSON for a request event: the sentence, the link and the request's facts (times as ISO strings). */
export function buildChangeWebhookBody(message: ChangeNotificationMessage, sentAt: Date) {
  const { request, event, at, boardUrl } = message;
  const quorum = countQuorum(request, request.decisions, at);
  const decision = request.decisions.at(-1);
  return {
    event,
    text: describeChangeEvent(message),
    url: changeRequestUrl(boardUrl, request.id),
    request: {
      id: request.id,
      kind: request.kind,
      state: request.state,
      reason: request.reason,
      requestedBy: request.requestedByName,
      fromRegion: request.plan.fromRegion,
      toRegion: request.plan.toRegion,
      planDigest: request.planDigest,
      expiresAt: request.expiresAt.toISOString(),
      approvals: { valid: quorum.valid, required: quorum.required },
      breakGlass: request.breakGlass,
      latestDecision: decision ? { approver: decision.approverName, decision: decision.decision, comment: decision.comment, decidedAt: decision.decidedAt.toISOString() } : null,
    },
    boardUrl,
    sentAt: sentAt.toISOString(),
  };
}
