/** One request the emulator answered: what was asked (path without host) and how it was answered. */
export type ArmRequestEntry = { method: string; path: string; apiVersion: string | null; status: number; at: string };

export type ArmRequestLog = { record(entry: ArmRequestEntry): void; entries(): ArmRequestEntry[]; clear(): void };

/** The newest entries only: a lab left running polls ARM every few seconds for days. */
export const ARM_REQUEST_LOG_LIMIT = 20_000;

/** In memory, oldest first; tests and drills read it to count the writes ARM accepted. */
export function createArmRequestLog(limit = ARM_REQUEST_LOG_LIMIT): ArmRequestLog {
  let entries: ArmRequestEntry[] = [];
  return {
    record: (entry) => {
      entries.push(entry);
      if (entries.length > limit) entries = entries.slice(entries.length - limit);
    },
    entries: () => entries.map((entry) => ({ ...entry })),
    clear: () => {
      entries = [];
    },
  };
}
