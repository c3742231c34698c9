import type { LifeboatConfig } from '@/lib/config/schema';

/** One configured target (config `notifications.targets[]`). */
export type NotificationTarget = LifeboatConfig['notifications']['targets'][number];
