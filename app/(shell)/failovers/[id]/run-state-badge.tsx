import { Ban, CircleAlert, CircleCheck, CircleDashed, CircleSlash, CircleX, LoaderCircle } from 'lucide-react';
import { StateBadge, type StateLook } from '@/app/_components/state-badge';
import type { RunState, StepState } from '@/lib/run-view/run-view';

export const RUN_STATE: Record<RunState, StateLook> = {
  running: { label: 'Running', Icon: LoaderCircle, tone: 'busy' },
  succeeded: { label: 'Succeeded', Icon: CircleCheck, tone: 'good' },
  degraded: { label: 'Degraded', Icon: CircleAlert, tone: 'warn' },
  failed: { label: 'Failed', Icon: CircleX, tone: 'bad' },
  aborted: { label: 'Aborted', Icon: Ban, tone: 'bad' },
};

export const STEP_STATE: Record<StepState, StateLook> = {
  pending: { label: 'Waiting', Icon: CircleDashed, tone: 'neutral' },
  running: { label: 'Running', Icon: LoaderCircle, tone: 'busy' },
  succeeded: { label: 'Succeeded', Icon: CircleCheck, tone: 'good' },
  failed: { label: 'Failed', Icon: CircleX, tone: 'bad' },
  skipped: { label: 'Skipped', Icon: CircleSlash, tone: 'neutral' },
  aborted: { label: 'Aborted', Icon: Ban, tone: 'warn' },
};

export function RunStateBadge({ state }: { state: RunState }) {
  return <StateBadge look={RUN_STATE[state]} spin={state === 'running'} testId="run-state" state={state} />;
}

export function StepStateBadge({ state }: { state: StepState }) {
  return <StateBadge look={STEP_STATE[state]} spin={state === 'running'} testId="step-state" state={state} />;
}
