import { countQuorum } from '@/lib/domain/approval-rules';
import { shorten } from '../shorten';
import type { ChangeNotificationMessage } from './change-notification-message';
import { changeRequestUrl } from './change-request-url';
import { utcMinute } from './utc-minute';

/**
 * The event in one plain sentence, the same in every channel: what is asked (kind and regions),
 * by whom, what happened, until when, and the link to act on it.
 */
export function describeChangeEvent({ request, event, at, boardUrl }: ChangeNotificationMessage): string {
  const what = `${request.kind} ${request.plan.fromRegion} → ${request.plan.toRegion}`;
  const by = request.requestedByName;
  const open = `open ${changeRequestUrl(boardUrl, request.id)}`;
  const expires = utcMinute(request.expiresAt);
  // As of the event: a later decision (delivered in the same tick) must not reword this one.
  const decisions = request.decisions.filter((d) => d.decidedAt.getTime() <= at.getTime());
  const quorum = countQuorum(request, decisions, at);
  const decision = decisions.at(-1);
  const decider = decision?.approverName ?? 'an approver';
  const said = decision ? `: ${shorten(decision.comment)}` : '';
  switch (event) {
    case 'requested':
      return `Approval needed: ${what} requested by ${by}: ${shorten(request.reason)}; expires at ${expires}; ${open}`;
    case 'decision': {
      const missing = Math.max(quorum.required - quorum.valid, 0);
      const verb = decision?.decision === 'deny' ? 'denied' : 'approved';
      return `${decider} ${verb} (${quorum.valid} of ${quorum.required}) the ${what} requested by ${by}${said}; ${missing} more approval${missing === 1 ? '' : 's'} needed before ${expires}; ${open}`;
    }
    case 'approved':
      if (request.breakGlass) return `Approved with break-glass by ${decider} alone: ${what} requested by ${by}; justification: ${shorten(request.justification ?? '')}; needs review; it may run until ${expires}; ${open}`;
      return `Approved (${quorum.valid} of ${quorum.required}): ${what} requested by ${by}, last approval by ${decider}; it may run until ${expires}; ${open}`;
    case 'denied':
      return `Denied: ${decider} denied the ${what} requested by ${by}${said}; ${open}`;
    case 'expired':
      return `Expired: the ${what} requested by ${by} expired at ${expires} before it was executed; request it again if it is still needed; ${open}`;
    case 'cancelled': {
      const cancel = request.transitions.findLast((t) => t.toState === 'cancelled');
      const who = cancel?.actorName ?? by;
      return `Cancelled: ${who} withdrew the ${what}${who === by ? '' : ` requested by ${by}`}${cancel?.comment ? `: ${shorten(cancel.comment)}` : ''}; ${open}`;
    }
    case 'drill-started':
      // A drill request's reason names the drill, its environment and its participants.
      return `Drill starting now: ${shorten(request.reason)}; the primary's failure is simulated, then failover and failback run as approved; follow it at ${changeRequestUrl(boardUrl, request.id)}`;
    case 'done':
    case 'failed': {
      // The closing transition's comment carries the run's outcome and its measured RTO/RPO.
      const closing = request.transitions.findLast((t) => t.toState === event);
      const outcome = event === 'done' ? 'Executed' : 'Execution failed';
      return `${outcome}: the ${what} requested by ${by}${closing?.comment ? `: ${shorten(closing.comment)}` : ''}; ${open}`;
    }
  }
}
