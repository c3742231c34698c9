/** Thrown by leader-only work found running on a worker that no longer leads; pg-boss retries the job. */
export class NotLeaderError extends Error {
  constructor(duty: string) {
    super(`${duty}: this worker is not the leader`);
    this.name = 'NotLeaderError';
  }
}
