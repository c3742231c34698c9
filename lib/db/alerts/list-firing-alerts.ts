import type { Db } from '../client';
import { toStoredAlert, type StoredAlert } from './stored-alert';

const SEVERITY_ORDER = ['SEV-1', 'SEV-2', 'SEV-3'];

/** Alerts firing now, most severe first, then oldest first. */
export async function listFiringAlerts(db: Db): Promise<StoredAlert[]> {
  const rows = await db.alert.findMany({ where: { state: 'firing' }, orderBy: [{ firedAt: 'asc' }, { id: 'asc' }] });
  return rows.map(toStoredAlert).sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}
