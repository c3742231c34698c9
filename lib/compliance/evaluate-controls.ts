import type { ComplianceFacts, ControlResult } from './compliance-facts';
import { evaluateAlternateProcessing } from './evaluate-alternate-processing';
import { evaluateAlternateStorage } from './evaluate-alternate-storage';
import { evaluateSystemBackup } from './evaluate-system-backup';
import { evaluateSystemRecovery } from './evaluate-system-recovery';

/** NIST 800-53 CP-6, CP-7, CP-9 and CP-10, each judged pass, fail or unknown from live evidence. */
export function evaluateControls(facts: ComplianceFacts): ControlResult[] {
  return [evaluateAlternateStorage(facts), evaluateAlternateProcessing(facts), evaluateSystemBackup(facts), evaluateSystemRecovery(facts)];
}
