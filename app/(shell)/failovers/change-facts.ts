/** What every confirmation repeats about the request it acts on: what moves where, what it may lose, which plan. */
export type ChangeFacts = {
  id: string;
  kind: string;
  title: string;
  fromRegion: string;
  toRegion: string;
  expectedDataLoss: string;
  /** Pre-flight findings by severity, as measured when the plan was built. */
  blockers: number;
  warnings: number;
  preflightAt: string;
  digest: string;
  stepCount: number;
  totalMinutes: number;
};
