import type { ChangeRequestRecord } from '@/lib/db/approvals/change-request-record';
import type { ChangeNotificationEvent } from '@/lib/db/approvals/enqueue-change-notifications';

/**
 * What every change sender needs: the request as stored, the event, when the event was written
 * (approvals are counted as of then) and the board's address (ending in '/').
 */
export type ChangeNotificationMessage = { request: ChangeRequestRecord; event: ChangeNotificationEvent; at: Date; boardUrl: string };
