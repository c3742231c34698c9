import { readFile } from 'node:fs/promises';
import { parseConfig } from '@/lib/config/load-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { NotificationTarget } from '@/lib/notify/notification-target';

/** The lab's configuration with these notification targets instead of its optional inbox ones (tests only). */
export async function labConfigWithTargets(targets: readonly NotificationTarget[]): Promise<LifeboatConfig> {
  const lab = parseConfig(await readFile('config/lab.yaml', 'utf8'), 'config/lab.yaml', process.env);
  return { ...lab, notifications: { ...lab.notifications, targets: [...targets] } };
}
