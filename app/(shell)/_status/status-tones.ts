import type { Tone } from '@/app/_components/status-badge';
import type { ComponentTile, Severity, Verdict } from '@/lib/domain/readiness-types';

export const VERDICT: Record<Verdict, { tone: Tone; label: string }> = {
  READY: { tone: 'good', label: 'READY' },
  DEGRADED: { tone: 'warn', label: 'DEGRADED' },
  NOT_READY: { tone: 'bad', label: 'NOT READY' },
};

export const TILE_STATE: Record<ComponentTile['state'], { tone: Tone; label: string }> = {
  ok: { tone: 'good', label: 'OK' },
  warn: { tone: 'warn', label: 'Warning' },
  bad: { tone: 'bad', label: 'Failing' },
  unknown: { tone: 'unknown', label: 'Unknown' },
};

export const SEVERITY: Record<Severity, Tone> = { 'SEV-1': 'bad', 'SEV-2': 'warn', 'SEV-3': 'unknown' };

export const COMPONENT_LABEL: Record<ComponentTile['component'], string> = {
  frontdoor: 'Front Door',
  app: 'Protected app',
  aks: 'AKS',
  qdrant: 'Qdrant',
  redis: 'Redis',
  blob: 'Blob (GRS)',
  keyvault: 'Key Vault',
  openai: 'Azure OpenAI',
};
