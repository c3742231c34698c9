import path from 'node:path';

/** Where the lab keeps its data, logs, pid and endpoints (LIFEBOAT_LAB_STATE_DIR, default lab/.state). */
export function labStateDir(): string {
  return path.resolve(process.env.LIFEBOAT_LAB_STATE_DIR ?? path.join('lab', '.state'));
}

export const labFiles = (dir: string) => ({
  pid: path.join(dir, 'supervisor.pid'),
  log: path.join(dir, 'lab.log'),
  endpoints: path.join(dir, 'endpoints.json'),
});
