export type SeedDocument = { id: string; text: string };

const SUBJECTS = ['Qdrant snapshot restore', 'Redis AOF replay', 'Front Door priority failover', 'Blob geo-replication lag', 'Key Vault secret drift', 'AKS node pool scale-out', 'Azure OpenAI deployment check', 'audit log retention', 'failback traffic shift', 'quarterly DR drill'];
const REGIONS = ['Canada Central', 'Canada East'];
const ACTIONS = [
  'verifies the sha256 checksum before replacing the collection',
  'waits for three consecutive health probe failures before moving traffic',
  'scales the standby cluster to production capacity first',
  'compares the newest backup timestamp against the RPO budget',
  'records every step in the audit chain with the approver names',
  'runs the ingest, query and auth smoke tests after the switch',
  'keeps the cache optional so the service answers while Redis is rebuilt',
  'moves ten, then fifty, then one hundred percent of the traffic back',
];
const OWNERS = ['platform team', 'data team', 'security team', 'on-call SRE'];

/** Deterministic 32-bit PRNG, so the same index always yields the same text. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** The seed corpus: `count` short disaster-recovery notes, ids `dr-note-<n>`, identical on every run. */
export function generateDocuments(count: number, firstIndex = 0): SeedDocument[] {
  return Array.from({ length: count }, (_, offset) => {
    const index = firstIndex + offset;
    const random = mulberry32(index + 1);
    const subject = pick(SUBJECTS, random);
    const region = pick(REGIONS, random);
    const rpoHours = 1 + Math.floor(random() * 24);
    const text = `DR note ${index}: ${subject} in ${region}. The runbook ${pick(ACTIONS, random)}, then ${pick(ACTIONS, random)}. Owner: ${pick(OWNERS, random)}; RPO ${rpoHours} hours.`;
    return { id: `dr-note-${index}`, text };
  });
}
