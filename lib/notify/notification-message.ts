import type { StoredAlert, NotificationEvent } from '@/lib/db/alerts/stored-alert';

/** What every sender needs: the alert as stored, whether it fires or resolves, and where the board is. */
export type NotificationMessage = { alert: StoredAlert; event: NotificationEvent; boardUrl: string };
